package dev.palimpsest.normalise;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an HTML tree into blocks. Each text node goes to exactly one block: a block element
 * closes the text gathered so far, so a {@code <p>} inside an {@code <li>} splits the item
 * instead of repeating its text. One walker per extraction; not thread-safe.
 */
final class HtmlTextWalker implements NodeVisitor {

  /** Elements that end the text before them and start new text after them. */
  private static final Set<String> BLOCK_BOUNDARIES = Set.of(
      "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
      "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
      "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
      "main", "menu", "nav", "ol", "p", "pre", "search", "section", "summary", "table", "tbody",
      "td", "tfoot", "th", "thead", "tr", "ul");

  private static final Set<String> PARAGRAPH_ELEMENTS =
      Set.of("dt", "dd", "figcaption", "caption", "address", "summary");

  /** A block element being walked, and the kind its bare text gets. */
  private record Frame(Element element, Block.Kind kind, int level) {}

  private final BlockSink sink;
  private final Deque<Frame> frames = new ArrayDeque<>();
  private final StringBuilder text = new StringBuilder();
  /** True right after a {@code <br>}, so that a second one ends the paragraph. */
  private boolean afterBreak;
  /** The {@code pre} or {@code tr} whose whole content is one block, or null outside one. */
  private Element wholeBlock;
  private final List<String> rowCells = new ArrayList<>();

  /** {@code bareTextKind} is what text outside any block element becomes (a Markdown quote). */
  HtmlTextWalker(BlockSink sink, Block.Kind bareTextKind) {
    this.sink = sink;
    frames.push(new Frame(null, bareTextKind, 0));
  }

  void walk(Element root) {
    NodeTraversor.traverse(this, root);
    flush();
  }

  @Override
  public void head(Node node, int depth) {
    if (node instanceof TextNode textNode) {
      text.append(textNode.getWholeText());
      // Words between two <br>s make them two single breaks, not a paragraph end.
      afterBreak &= textNode.isBlank();
      return;
    }
    if (!(node instanceof Element element)) {
      return;
    }
    String name = element.normalName();
    if (wholeBlock != null) {
      if (isCellOfRow(element)) {
        text.setLength(0);
      } else if (name.equals("br") || BLOCK_BOUNDARIES.contains(name)) {
        text.append(' ');
      }
      return;
    }
    if (name.equals("br")) {
      lineBreak();
      return;
    }
    Frame frame = frameFor(element, name);
    if (frame != null) {
      flush();
      frames.push(frame);
      if (name.equals("pre") || name.equals("tr")) {
        wholeBlock = element;
      }
    } else if (BLOCK_BOUNDARIES.contains(name)) {
      flush();
    }
  }

  @Override
  public void tail(Node node, int depth) {
    if (!(node instanceof Element element)) {
      return;
    }
    if (wholeBlock != null && element != wholeBlock) {
      if (isCellOfRow(element)) {
        rowCells.add(TextCleaner.clean(text));
        text.setLength(0);
      } else if (BLOCK_BOUNDARIES.contains(element.normalName())) {
        text.append(' ');
      }
      return;
    }
    if (element == wholeBlock) {
      if (element.normalName().equals("tr")) {
        addRow();
      } else {
        flush();
      }
      wholeBlock = null;
      frames.pop();
    } else if (frames.peek().element() == element) {
      flush();
      frames.pop();
    } else if (BLOCK_BOUNDARIES.contains(element.normalName())) {
      flush();
    }
  }

  private Frame frameFor(Element element, String name) {
    Block.Kind enclosing = frames.peek().kind();
    return switch (name) {
      case "h1", "h2", "h3", "h4", "h5", "h6" ->
          new Frame(element, Block.Kind.HEADING, name.charAt(1) - '0');
      case "li" -> new Frame(element, Block.Kind.LIST_ITEM, 0);
      case "blockquote" -> new Frame(element, Block.Kind.QUOTE, 0);
      case "pre" -> new Frame(element, Block.Kind.PREFORMATTED, 0);
      case "tr" -> new Frame(element, Block.Kind.TABLE_ROW, 0);
      // A paragraph in a list item or a quote is part of it, as in Markdown.
      case "p" -> new Frame(element,
          enclosing == Block.Kind.LIST_ITEM || enclosing == Block.Kind.QUOTE
              ? enclosing : Block.Kind.PARAGRAPH, 0);
      default -> PARAGRAPH_ELEMENTS.contains(name)
          ? new Frame(element, Block.Kind.PARAGRAPH, 0) : null;
    };
  }

  private boolean isCellOfRow(Element element) {
    String name = element.normalName();
    return (name.equals("td") || name.equals("th")) && element.parent() == wholeBlock;
  }

  /** One {@code <br>} is a space; a second in a row ends the paragraph. */
  private void lineBreak() {
    if (afterBreak) {
      flush();
    } else {
      text.append(' ');
      afterBreak = true;
    }
  }

  private void flush() {
    Frame frame = frames.peek();
    sink.add(frame.kind(), frame.level(), text);
    text.setLength(0);
    afterBreak = false;
  }

  /** Empty cells keep their place, so columns still line up; an all-empty row is dropped. */
  private void addRow() {
    if (rowCells.stream().anyMatch(cell -> !cell.isEmpty())) {
      sink.add(Block.Kind.TABLE_ROW, 0, String.join(" | ", rowCells));
    }
    rowCells.clear();
    text.setLength(0);
    afterBreak = false;
  }
}
