package dev.palimpsest.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** A CommonMark snapshot, with optional YAML front matter, as blocks of text. */
final class MarkdownText {
  private static final Parser PARSER = Parser.builder()
      .extensions(List.of(TablesExtension.create())).build();
  private static final YAMLMapper YAML = new YAMLMapper();
  /** Front matter: a first line of "---", up to a line of "---" or "...". */
  private static final Pattern FRONT_MATTER =
      Pattern.compile("\\A---[ \\t]*\\R(.*?\\R)?(?:---|\\.\\.\\.)[ \\t]*(?:\\R|\\z)", Pattern.DOTALL);

  private MarkdownText() {}

  static NormalisedText read(String markdown) {
    String title = null;
    String body = markdown;
    Matcher frontMatter = FRONT_MATTER.matcher(markdown);
    if (frontMatter.find()) {
      title = frontMatterTitle(frontMatter.group(1) == null ? "" : frontMatter.group(1));
      body = markdown.substring(frontMatter.end());
    }
    List<Block> blocks = new ArrayList<>();
    collect(PARSER.parse(body), blocks);
    if (title == null) {
      title = blocks.stream().filter(b -> b.kind() == Block.Kind.HEADING).map(Block::text)
          .findFirst().orElse(null);
    }
    return new NormalisedText(title, blocks);
  }

  /** The front matter's {@code title}; front matter that is not YAML is only metadata lost. */
  private static String frontMatterTitle(String yaml) {
    try {
      JsonNode node = YAML.readTree(yaml);
      JsonNode title = node == null ? null : node.get("title");
      if (title != null && title.isValueNode()) {
        String clean = TextCleaner.clean(title.asText());
        return clean.isEmpty() ? null : clean;
      }
    } catch (IOException | RuntimeException notYaml) {
      // not YAML: no title from it
    }
    return null;
  }

  private static void collect(Node node, List<Block> blocks) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Heading heading) {
        add(blocks, Block.Kind.HEADING, heading.getLevel(), inline(heading));
      } else if (child instanceof Paragraph paragraph) {
        add(blocks, containerKind(paragraph), 0, inline(paragraph));
      } else if (child instanceof FencedCodeBlock code) {
        add(blocks, Block.Kind.PREFORMATTED, 0, code.getLiteral());
      } else if (child instanceof IndentedCodeBlock code) {
        add(blocks, Block.Kind.PREFORMATTED, 0, code.getLiteral());
      } else if (child instanceof HtmlBlock html) {
        // Raw HTML is a source of text, never passed through.
        Document fragment = Jsoup.parseBodyFragment(html.getLiteral());
        fragment.select("script, style, noscript, template, iframe, object, embed, svg").remove();
        add(blocks, containerKind(html), 0, fragment.body().text());
      } else if (child instanceof TableRow row) {
        List<String> cells = new ArrayList<>();
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
          if (cell instanceof TableCell) {
            cells.add(TextCleaner.clean(inline(cell)));
          }
        }
        add(blocks, Block.Kind.TABLE_ROW, 0, String.join(" | ", cells));
      } else {
        collect(child, blocks);
      }
    }
  }

  /** A paragraph in a list item is an item, in a quote a quote: the nearest one decides. */
  private static Block.Kind containerKind(Node node) {
    for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
      if (parent instanceof ListItem) {
        return Block.Kind.LIST_ITEM;
      }
      if (parent instanceof BlockQuote) {
        return Block.Kind.QUOTE;
      }
    }
    return Block.Kind.PARAGRAPH;
  }

  private static void add(List<Block> blocks, Block.Kind kind, int level, String text) {
    String clean = TextCleaner.clean(text);
    if (!clean.isEmpty()) {
      blocks.add(new Block(kind, level, clean));
    }
  }

  /** The text a reader sees of inline content: link texts, image alt texts, no markup. */
  private static String inline(Node node) {
    StringBuilder text = new StringBuilder();
    appendInline(node, text);
    return text.toString();
  }

  private static void appendInline(Node node, StringBuilder text) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Text t) {
        text.append(t.getLiteral());
      } else if (child instanceof Code code) {
        text.append(code.getLiteral());
      } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
        text.append(' ');
      } else if (!(child instanceof HtmlInline)) {
        appendInline(child, text);
      }
    }
  }
}
