package dev.palimpsest.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.api.Test;

/** Entry HTML that the build makes passes the feed cleaner unchanged; other HTML does not. */
class FeedsTest {
  @Test
  void escapedTextInEntryMarkupIsAsCleaningLeavesIt() {
    for (String text : List.of("quotes \"double\" and 'single', & < >",
        "<script>alert(1)</script> ]]> <!-- -->", "no-break\u00a0space, tab\tand\nnewline",
        "control \u0001\u0008 characters", "émoji 😀 and  two  spaces ", "&amp; already")) {
      String html = "<p>" + Feeds.escapeText(text) + "</p>\n<p><del>"
          + Feeds.escapeText(text) + "</del><ins>x</ins></p>";
      assertEquals(html, Feeds.sanitise(html), text);
      assertEquals(html, Feeds.clean(html), text);
    }
  }

  /** Text is escaped exactly as jsoup escapes it for the cleaner's output, whatever it holds. */
  @Test
  void textIsEscapedAsJsoupEscapesIt() {
    Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
    List<String> pieces = List.of("a", "Z", " ", "&", "<", ">", "\"", "'", "\u00a0", "\t", "\n",
        "\r", "\u0000", "\u0001", "\u001f", "\u007f", "\u0085", "\u2028", "é", "€", "😀",
        "\ud83d", "\ude00", "\ufffd", "\ufeff", "&amp;", "&quot;", "&apos;", "&nbsp;", "]]>");
    Random random = new Random(28);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(12); n > 0; n--) {
        text.append(pieces.get(random.nextInt(pieces.size())));
      }
      String expected = Entities.escape(text.toString(), settings).replace("&quot;", "\"")
          .replace("&apos;", "'");
      assertEquals(expected, Feeds.escapeText(text.toString()), () -> text.chars()
          .mapToObj(c -> String.format("U+%04X", c)).toList().toString());
    }
  }

  @Test
  void cleaningKeepsTextMarkupAndDropsTheRest() {
    String hostile = "<p onclick=\"x()\">a <del>b</del><ins>c</ins></p>\n<p>d<script>x()</script>"
        + "</p><a href=\"javascript:x()\"></a><img src=x onerror=x()>";
    assertEquals("<p>a <del>b</del><ins>c</ins></p>\n<p>d</p>", Feeds.clean(hostile));
    assertEquals(Feeds.sanitise(hostile), Feeds.clean(hostile));
  }

  /**
   * Whatever HTML comes in, what cleaning gives has no element but p, del and ins, no attribute
   * and no comment, whether it took the quick way or jsoup's cleaner.
   */
  @Test
  void cleanedHtmlIsInertWhateverCameIn() {
    List<String> pieces = List.of("a", " ", "\n", "<p>", "</p>", "<del>", "</del>", "<ins>",
        "</ins>", "<P>", "<p >", "</p >", "<del/>", "<p class=x>", "<script>", "</script>",
        "alert(1)", "<img src=x onerror=alert(1)>", "<a href=\"javascript:x()\">", "<!--", "-->",
        "<![CDATA[", "]]>", "<", ">", "&", "&amp;", "&lt;", "&#60;", "&#x3c;", "&lt;script&gt;",
        "&nbsp;", "&#0;", "&bogus", "&#x110000;", "<svg onload=x()>", "<style>", "\"", "'",
        "<ins onmouseover=x()>", "<pp>", "<p/><script>", "\u0000", "😀");
    Random random = new Random(8);
    int quick = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder html = new StringBuilder();
      for (int n = random.nextInt(10); n > 0; n--) {
        html.append(pieces.get(random.nextInt(pieces.size())));
      }
      String cleaned = Feeds.clean(html.toString());
      if (cleaned.contentEquals(html)) {
        quick++;
      }
      NodeTraversor.traverse((node, depth) -> {
        assertTrue(!(node instanceof Comment), html + " gave a comment");
        if (node instanceof Element element) {
          assertTrue(element.tagName().matches("#root|html|head|body|p|del|ins"),
              html + " gave " + element.tagName());
          assertTrue(element.attributes().isEmpty(), html + " gave attributes");
        }
      }, Jsoup.parseBodyFragment(cleaned));
    }
    // Both ways were taken many times.
    assertTrue(quick > 1_000, quick + " taken as they were");
    assertNotEquals(20_000, quick);
  }
}
