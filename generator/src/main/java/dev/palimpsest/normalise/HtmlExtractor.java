package dev.palimpsest.normalise;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector;

/** Reads the readable text of an HTML page, or of an HTML fragment inside Markdown. */
final class HtmlExtractor {

  /** Elements whose content is never readable text, wherever they are. */
  static final Set<String> UNREADABLE_ELEMENTS = Set.of(
      "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
      "form", "button", "select", "input", "textarea", "title");

  private static final String UNREADABLE = String.join(", ", UNREADABLE_ELEMENTS);

  /** Site chrome, removed when no selector says where the content is. */
  private static final String BOILERPLATE = "nav, aside, [role=navigation], [role=banner], "
      + "[role=contentinfo], [hidden], [aria-hidden=true]";

  /** Inside these, a header or footer belongs to the content, not to the site. */
  private static final String SECTIONING = "article, aside, main, nav, section, [role=main]";

  private HtmlExtractor() {}

  static NormalisedText extract(byte[] content, String selector)
      throws UnusableSnapshotException {
    Document document = parse(content);
    String title = document.title();
    document.select(UNREADABLE).remove();
    String headline = TextCleaner.isBlank(title) ? firstH1(document) : title;

    List<Element> roots;
    if (selector != null) {
      roots = selected(document, selector);
    } else {
      document.select(BOILERPLATE).remove();
      removeSiteHeadersAndFooters(document);
      roots = mainContent(document);
    }
    BlockSink sink = new BlockSink();
    HtmlTextWalker walker = new HtmlTextWalker(sink, Block.Kind.PARAGRAPH);
    roots.forEach(walker::walk);
    return new NormalisedText(headline, sink.blocks());
  }

  /** Adds the blocks of an HTML fragment; its bare text becomes {@code bareTextKind} blocks. */
  static void extractFragment(String html, Block.Kind bareTextKind, BlockSink sink) {
    Document document = Jsoup.parseBodyFragment(html);
    document.select(UNREADABLE).remove();
    new HtmlTextWalker(sink, bareTextKind).walk(document.body());
  }

  /** Detects the charset from a BOM or a meta tag, UTF-8 when there is none. */
  private static Document parse(byte[] content) {
    Document document = load(content, null);
    Charset charset = document.charset();
    // Browsers read these labels as windows-1252, whose curly quotes and dashes sit at
    // 0x80-0x9F; decoding them as Latin-1 or ASCII would turn those into control characters.
    if ((charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII))
        && hasHighBytes(content)) {
      document = load(content, "windows-1252");
    }
    return document;
  }

  private static Document load(byte[] content, String charsetName) {
    try {
      return Jsoup.parse(new ByteArrayInputStream(content), charsetName, "");
    } catch (IOException e) {
      throw new UncheckedIOException("reading from memory cannot fail", e);
    }
  }

  private static boolean hasHighBytes(byte[] content) {
    for (byte b : content) {
      if (b < 0) {
        return true;
      }
    }
    return false;
  }

  private static String firstH1(Document document) {
    Element h1 = document.selectFirst("h1");
    return h1 == null ? null : h1.text();
  }

  private static List<Element> selected(Document document, String selector)
      throws UnusableSnapshotException {
    Elements matches;
    try {
      matches = document.select(selector);
    } catch (Selector.SelectorParseException | IllegalArgumentException e) {
      throw new UnusableSnapshotException(
          "invalid selector '" + selector + "': " + shortReason(e.getMessage(), selector));
    }
    if (matches.isEmpty()) {
      throw new UnusableSnapshotException("selector '" + selector + "' matches nothing");
    }
    return outermost(matches);
  }

  /** jsoup's message without its repeat of the query, which the reason already names. */
  private static String shortReason(String message, String selector) {
    String repeat = "Could not parse query '" + selector + "': ";
    return message.startsWith(repeat) ? message.substring(repeat.length()) : message;
  }

  /**
   * The header and footer that HTML maps to the banner and contentinfo roles: those outside
   * any article, section or main. An article's own header often holds its title and date.
   */
  private static void removeSiteHeadersAndFooters(Document document) {
    for (Element element : document.select("header, footer")) {
      if (element.closest(SECTIONING) == null) {
        element.remove();
      }
    }
  }

  /** The single main, else role=main, else the longest article, else the body. */
  private static List<Element> mainContent(Document document) {
    for (String query : List.of("main", "[role=main]")) {
      Elements matches = document.select(query);
      if (!matches.isEmpty()) {
        return outermost(matches);
      }
    }
    return document.select("article").stream()
        .max(Comparator.comparingInt(article -> article.text().length()))
        .or(() -> Optional.ofNullable(document.body()))
        .map(List::of)
        .orElse(List.of());
  }

  /** The matches not inside another match, in document order, so no text is read twice. */
  private static List<Element> outermost(Elements matches) {
    Set<Element> matched = Collections.newSetFromMap(new IdentityHashMap<>());
    matched.addAll(matches);
    return matches.stream().filter(element -> !hasAncestorIn(element, matched)).toList();
  }

  private static boolean hasAncestorIn(Element element, Set<Element> elements) {
    for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
      if (elements.contains(parent)) {
        return true;
      }
    }
    return false;
  }
}
