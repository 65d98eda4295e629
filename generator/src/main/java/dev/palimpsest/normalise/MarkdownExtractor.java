package dev.palimpsest.normalise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
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
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Reads CommonMark with GFM tables. Raw HTML in it is a source of text, never passed through:
 * HTML blocks are read like an HTML page, and inline tags are dropped.
 */
final class MarkdownExtractor {

  /** Thread-safe, so one serves every call. */
  private static final Parser PARSER =
      Parser.builder().extensions(List.of(TablesExtension.create())).build();

  private static final Pattern LINE_BREAK_TAG = Pattern.compile("(?i)<br\\s*/?>");
  private static final Pattern OPENING_TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9-]*)");
  /** Unreadable elements that have no closing tag to wait for. */
  private static final Set<String> VOID_ELEMENTS = Set.of("input", "embed");

  private MarkdownExtractor() {}

  static NormalisedText extract(String text) {
    FrontMatter frontMatter = FrontMatter.split(text);
    BlockSink sink = new BlockSink();
    addBlocks(PARSER.parse(frontMatter.body()), Block.Kind.PARAGRAPH, sink);
    String headline = frontMatter.title() == null || TextCleaner.isBlank(frontMatter.title())
        ? sink.firstHeading() : frontMatter.title();
    return new NormalisedText(headline, sink.blocks());
  }

  /** {@code paragraphKind} is what a paragraph here is: inside a list item or a quote. */
  private static void addBlocks(Node parent, Block.Kind paragraphKind, BlockSink sink) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Heading heading) {
        sink.add(Block.Kind.HEADING, heading.getLevel(), inlineText(heading));
      } else if (node instanceof Paragraph paragraph) {
        sink.add(paragraphKind, 0, inlineText(paragraph));
      } else if (node instanceof ListItem) {
        addBlocks(node, Block.Kind.LIST_ITEM, sink);
      } else if (node instanceof BlockQuote) {
        addBlocks(node, Block.Kind.QUOTE, sink);
      } else if (node instanceof FencedCodeBlock code) {
        sink.add(Block.Kind.PREFORMATTED, 0, code.getLiteral());
      } else if (node instanceof IndentedCodeBlock code) {
        sink.add(Block.Kind.PREFORMATTED, 0, code.getLiteral());
      } else if (node instanceof HtmlBlock html) {
        HtmlExtractor.extractFragment(html.getLiteral(), paragraphKind, sink);
      } else if (node instanceof TableBlock) {
        addRows(node, sink);
      } else if (!(node instanceof ThematicBreak || node instanceof LinkReferenceDefinition)) {
        addBlocks(node, paragraphKind, sink);
      }
    }
  }

  /** Rows sit under a table head and a table body. */
  private static void addRows(Node parent, BlockSink sink) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof TableRow) {
        List<String> cells = new ArrayList<>();
        for (Node cell = node.getFirstChild(); cell != null; cell = cell.getNext()) {
          if (cell instanceof TableCell) {
            cells.add(TextCleaner.clean(inlineText(cell)));
          }
        }
        if (cells.stream().anyMatch(cell -> !cell.isEmpty())) {
          sink.add(Block.Kind.TABLE_ROW, 0, String.join(" | ", cells));
        }
      } else {
        addRows(node, sink);
      }
    }
  }

  private static String inlineText(Node node) {
    InlineText text = new InlineText();
    text.append(node);
    return text.out.toString();
  }

  /**
   * The flattened text of inline nodes: links give their text, images their alt text. Inline
   * HTML tags are dropped, except that a {@code <br>} is a space and the content of an inline
   * {@code <script>} (or other unreadable element) is skipped up to its closing tag.
   */
  private static final class InlineText {
    private final StringBuilder out = new StringBuilder();
    /** The unreadable element whose closing tag ends the skipping, or null. */
    private String skippingUntilClosed;

    void append(Node parent) {
      for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
        if (node instanceof HtmlInline html) {
          tag(html.getLiteral());
        } else if (skippingUntilClosed != null) {
          continue;
        } else if (node instanceof Text text) {
          out.append(text.getLiteral());
        } else if (node instanceof Code code) {
          out.append(code.getLiteral());
        } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
          out.append(' ');
        } else {
          append(node);
        }
      }
    }

    private void tag(String literal) {
      if (skippingUntilClosed != null) {
        if (literal.toLowerCase(Locale.ROOT).startsWith("</" + skippingUntilClosed)) {
          skippingUntilClosed = null;
        }
        return;
      }
      if (LINE_BREAK_TAG.matcher(literal).matches()) {
        out.append(' ');
        return;
      }
      Matcher opening = OPENING_TAG.matcher(literal);
      if (opening.lookingAt() && !literal.endsWith("/>")) {
        String name = opening.group(1).toLowerCase(Locale.ROOT);
        if (HtmlExtractor.UNREADABLE_ELEMENTS.contains(name) && !VOID_ELEMENTS.contains(name)) {
          skippingUntilClosed = name;
        }
      }
    }
  }
}
