package dev.palimpsest.normalise;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector;

/** The readable text of an HTML page, as blocks: what a person reads, not the page's chrome. */
final class HtmlText {
  /** Never text, whatever the selector says. */
  private static final String NEVER_TEXT = "script, style, noscript, template, iframe, object, "
      + "embed, svg, canvas, math, button, select, input, textarea, option, head";
  /** Page chrome around the content, dropped when no selector says what the content is. */
  private static final String CHROME = "nav, header, footer, aside, [role=navigation], "
      + "[role=banner], [role=contentinfo], [role=search], [hidden], [aria-hidden=true], dialog";
  /** Elements that are one block of text each. */
  private static final Set<String> TEXT_BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6",
      "li", "pre", "tr", "dt", "dd", "figcaption", "caption", "address", "summary", "legend");
  /** Marks a {@code <br>} in collected text, so that two in a row can end a paragraph. */
  private static final char BREAK = '\u0000';

  private HtmlText() {}

  static NormalisedText read(Document page, String selector) throws UnusableSnapshotException {
    String headline = headline(page);
    page.select(NEVER_TEXT).remove();
    List<Element> roots;
    if (selector != null) {
      roots = selected(page, selector);
    } else {
      page.select(CHROME).remove();
      roots = List.of(mainContent(page));
    }
    Collector collector = new Collector();
    for (Element root : roots) {
      collector.walk(root);
      collector.flush();
    }
    return new NormalisedText(headline, collector.blocks);
  }

  private static String headline(Document page) {
    String title = TextCleaner.clean(page.title());
    if (!title.isEmpty()) {
      return title;
    }
    Element h1 = page.selectFirst("h1");
    String heading = h1 == null ? "" : TextCleaner.clean(h1.text());
    return heading.isEmpty() ? null : heading;
  }

  private static List<Element> selected(Document page, String selector)
      throws UnusableSnapshotException {
    Elements matches;
    try {
      matches = page.select(selector);
    } catch (Selector.SelectorParseException e) {
      throw new UnusableSnapshotException("invalid selector '" + selector + "': "
          + e.getMessage());
    }
    if (matches.isEmpty()) {
      throw new UnusableSnapshotException("selector '" + selector + "' matches nothing");
    }
    // An element inside another match is already read with it.
    List<Element> roots = new ArrayList<>();
    for (Element match : matches) {
      if (match.parents().stream().noneMatch(matches::contains)) {
        roots.add(match);
      }
    }
    return roots;
  }

  /** The single {@code <main>}, else the main role, else the largest article, else the body. */
  private static Element mainContent(Document page) {
    Elements main = page.select("main");
    if (main.size() == 1) {
      return main.first();
    }
    Elements role = page.select("[role=main]");
    if (role.size() == 1) {
      return role.first();
    }
    return page.select("article").stream()
        .max(Comparator.comparingInt(article -> article.text().length()))
        .orElse(page.body());
  }

  /** Walks the tree, giving each text node to exactly one block. */
  private static final class Collector {
    final List<Block> blocks = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    /** The kinds of the enclosing list items and quotes, innermost first. */
    private final Deque<Block.Kind> containers = new ArrayDeque<>();
    private Block.Kind kind = Block.Kind.PARAGRAPH;
    private int level;

    void walk(Node node) {
      if (node instanceof TextNode textNode) {
        text.append(textNode.getWholeText());
        return;
      }
      if (!(node instanceof Element element)) {
        return;
      }
      String tag = element.normalName();
      if (tag.equals("br")) {
        text.append(BREAK);
        return;
      }
      if (tag.equals("td") || tag.equals("th")) {
        if (element.elementSiblingIndex() > 0) {
          text.append(" | ");
        }
        children(element);
        return;
      }
      boolean textBlock = TEXT_BLOCKS.contains(tag);
      boolean container = tag.equals("li") || tag.equals("blockquote");
      boolean boundary = textBlock || container || !element.tag().isInline();
      if (!boundary) {
        children(element);
        return;
      }
      flush();
      if (container) {
        containers.push(tag.equals("li") ? Block.Kind.LIST_ITEM : Block.Kind.QUOTE);
      }
      Block.Kind outerKind = kind;
      int outerLevel = level;
      setKind(tag);
      children(element);
      flush();
      kind = outerKind;
      level = outerLevel;
      if (container) {
        containers.pop();
      }
    }

    private void setKind(String tag) {
      if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
        kind = Block.Kind.HEADING;
        level = tag.charAt(1) - '0';
      } else if (tag.equals("pre")) {
        kind = Block.Kind.PREFORMATTED;
        level = 0;
      } else if (tag.equals("tr")) {
        kind = Block.Kind.TABLE_ROW;
        level = 0;
      } else if (kind != Block.Kind.HEADING && kind != Block.Kind.PREFORMATTED) {
        kind = containers.isEmpty() ? Block.Kind.PARAGRAPH : containers.peek();
        level = 0;
      }
    }

    private void children(Element element) {
      for (Node child : element.childNodes()) {
        walk(child);
      }
    }

    /** Ends the current block; two breaks in a row inside it split it into paragraphs. */
    void flush() {
      if (text.isEmpty()) {
        return;
      }
      String collected = text.toString();
      text.setLength(0);
      for (String part : collected.split(BREAK + "\\s*" + BREAK)) {
        String clean = TextCleaner.clean(part.replace(BREAK, ' '));
        if (!clean.isEmpty()) {
          blocks.add(new Block(kind, kind == Block.Kind.HEADING ? level : 0, clean));
        }
      }
    }
  }
}
