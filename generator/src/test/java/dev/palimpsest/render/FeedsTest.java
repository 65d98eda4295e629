package dev.palimpsest.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
      assertEquals(html, Feeds.clean(html), text);
    }
  }

  @Test
  void cleaningKeepsTextMarkupAndDropsTheRest() {
    assertEquals("<p>a <del>b</del><ins>c</ins></p>\n<p>d</p>", Feeds.clean(
        "<p onclick=\"x()\">a <del>b</del><ins>c</ins></p>\n<p>d<script>x()</script></p>"
            + "<a href=\"javascript:x()\"></a><img src=x onerror=x()>"));
  }
}
