package dev.palimpsest.normalise;

import static dev.palimpsest.normalise.Block.Kind.LIST_ITEM;
import static dev.palimpsest.normalise.Block.Kind.PREFORMATTED;
import static dev.palimpsest.normalise.Block.Kind.QUOTE;
import static dev.palimpsest.normalise.Block.Kind.TABLE_ROW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NormaliserTest {

  private static NormalisedText normalise(Format format, String content)
      throws UnusableSnapshotException {
    return normalise(format, content, NormaliseOptions.DEFAULT);
  }

  private static NormalisedText normalise(Format format, String content, NormaliseOptions options)
      throws UnusableSnapshotException {
    return Normaliser.normalise(format, content.getBytes(StandardCharsets.UTF_8), options);
  }

  private static List<String> texts(NormalisedText text) {
    return text.blocks().stream().map(Block::text).toList();
  }

  private static String reason(Format format, byte[] content, NormaliseOptions options) {
    return assertThrows(UnusableSnapshotException.class,
        () -> Normaliser.normalise(format, content, options)).getMessage();
  }

  private static String reason(Format format, String content) {
    return reason(format, content.getBytes(StandardCharsets.UTF_8), NormaliseOptions.DEFAULT);
  }

  private static Block item(String text) {
    return new Block(LIST_ITEM, 0, text);
  }

  @Nested
  class UnusableContent {

    @Test
    void emptyOrWhitespaceOnlyFileIsEmpty() {
      for (Format format : Format.values()) {
        assertEquals("empty file", reason(format, new byte[0], NormaliseOptions.DEFAULT));
        assertEquals("empty file", reason(format, " \n\t\r\n "));
        assertEquals("empty file", reason(format, "\uFEFF\n"));
      }
    }

    @Test
    void nulBytesMeanBinary() {
      byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
      assertEquals("binary file, not text", reason(Format.TEXT, png, NormaliseOptions.DEFAULT));
      assertEquals("binary file, not text", reason(Format.HTML, png, NormaliseOptions.DEFAULT));
    }

    @Test
    void manyControlCharactersMeanBinary() {
      byte[] content = new byte[200];
      for (int i = 0; i < content.length; i++) {
        content[i] = (byte) (i % 3 == 0 ? 0x01 : 'a');
      }
      assertEquals("binary file, not text",
          reason(Format.MARKDOWN, content, NormaliseOptions.DEFAULT));
    }

    @Test
    void documentWithoutReadableTextIsRejected() {
      assertEquals("no readable text",
          reason(Format.HTML, "<html><body><script>var a = 1;</script></body></html>"));
      assertEquals("no readable text", reason(Format.MARKDOWN, "---\ntitle: Only\n---\n\n***\n"));
      assertEquals("no readable text", reason(Format.TEXT, "\u00A0\u200B\n"));
    }

    @Test
    void textRemovedEntirelyByIgnoreIsRejected() {
      NormaliseOptions options = new NormaliseOptions(null, Pattern.compile("Visits: \\d+"));
      assertEquals("no readable text", reason(Format.TEXT,
          "Visits: 12".getBytes(StandardCharsets.UTF_8), options));
    }
  }

  @Nested
  class Whitespace {

    @Test
    void nbspAndUnicodeSpacesBecomeOneSpace() throws Exception {
      NormalisedText text = normalise(Format.TEXT, "  a\u00A0\u00A0b\u2003c \t\u202Fd\u3000 ");
      assertEquals(List.of("a b c d"), texts(text));
    }

    @Test
    void zeroWidthCharactersAreRemoved() throws Exception {
      NormalisedText text = normalise(Format.TEXT, "\uFEFFter\u200Bms of\u2060 use\uFEFF");
      assertEquals(List.of("terms of use"), texts(text));
    }

    @Test
    void textIsComposedToNfc() throws Exception {
      NormalisedText decomposed = normalise(Format.TEXT, "cafe\u0301");
      assertEquals(List.of("caf\u00E9"), texts(decomposed));
    }

    @Test
    void blocksNeverHoldNewlinesOrOuterSpaces() throws Exception {
      NormalisedText text = normalise(Format.MARKDOWN, "```\n  code\n\n  more\n```\n");
      assertEquals(List.of(new Block(PREFORMATTED, 0, "code more")), text.blocks());
    }
  }

  @Nested
  class IgnorePattern {

    private final NormaliseOptions ignoreStamp = new NormaliseOptions(null,
        Pattern.compile("Last updated: [A-Za-z]+ \\d{1,2}, \\d{4}\\.?"));

    @Test
    void matchesAreRemovedAndEmptiedBlocksDropped() throws Exception {
      NormalisedText text = normalise(Format.MARKDOWN,
          "# Terms\n\nLast updated: May 3, 2016\n\n"
              + "Please read. Last updated: May 3, 2016. Thanks.\n",
          ignoreStamp);
      assertEquals(List.of("Terms", "Please read. Thanks."), texts(text));
    }

    @Test
    void snapshotsDifferingOnlyInIgnoredTextAreEqual() throws Exception {
      String page = "<html><head><title>Terms</title></head><body><main><h1>Terms</h1>"
          + "<p><em>Last updated: %s</em></p><p>You agree to everything.</p></main></body></html>";
      NormalisedText may = normalise(Format.HTML, page.formatted("May 3, 2016"), ignoreStamp);
      NormalisedText june = normalise(Format.HTML, page.formatted("June 10, 2016"), ignoreStamp);
      assertEquals(may, june);
      assertEquals(List.of("Terms", "You agree to everything."), texts(may));
    }

    @Test
    void headlineIsCleanedToo() throws Exception {
      NormalisedText text = normalise(Format.HTML,
          "<title>Terms (visited 1234 times)</title><p>Body</p>",
          new NormaliseOptions(null, Pattern.compile("\\(visited \\d+ times\\)")));
      assertEquals("Terms", text.headline());
    }
  }

  @Nested
  class PlainText {

    @Test
    void blankLinesSeparateParagraphsAndLinesAreJoined() throws Exception {
      NormalisedText text = normalise(Format.TEXT,
          "First line\nsecond line\r\n  \r\nNext paragraph\n\n\n\nLast\n");
      assertEquals(List.of(Block.paragraph("First line second line"),
          Block.paragraph("Next paragraph"), Block.paragraph("Last")), text.blocks());
    }

    @Test
    void hasNoHeadline() throws Exception {
      assertNull(normalise(Format.TEXT, "Terms of Service\n\nText").headline());
    }

    @Test
    void invalidUtf8BecomesReplacementCharacter() throws Exception {
      byte[] content = {'c', 'a', 'f', (byte) 0xE9, ' ', 'o', 'k'};
      NormalisedText text = Normaliser.normalise(Format.TEXT, content, NormaliseOptions.DEFAULT);
      assertEquals(List.of("caf\uFFFD ok"), texts(text));
    }

    @Test
    void markupIsPlainText() throws Exception {
      NormalisedText text = normalise(Format.TEXT, "<b>not bold</b> & # not a heading");
      assertEquals(List.of("<b>not bold</b> & # not a heading"), texts(text));
    }
  }

  @Nested
  class Markdown {

    @Test
    void blocksKeepTheirKinds() throws Exception {
      NormalisedText text = normalise(Format.MARKDOWN, """
          # Title

          Some *emphasised* and **strong** text
          over two lines.

          ## Part `two`

          > quoted
          > words

              indented code

          ---

          1. first
          """);
      assertEquals(List.of(Block.heading(1, "Title"),
          Block.paragraph("Some emphasised and strong text over two lines."),
          Block.heading(2, "Part two"),
          new Block(QUOTE, 0, "quoted words"),
          new Block(PREFORMATTED, 0, "indented code"),
          item("first")), text.blocks());
    }

    @Test
    void nestedListsKeepDocumentOrder() throws Exception {
      NormalisedText text = normalise(Format.MARKDOWN, """
          - a
            - a.1
              - a.1.i
            - a.2
          - b

            b, second paragraph
          """);
      assertEquals(List.of(item("a"), item("a.1"), item("a.1.i"), item("a.2"), item("b"),
          item("b, second paragraph")), text.blocks());
    }

    @Test
    void linksGiveTheirTextAndImagesTheirAlt() throws Exception {
      NormalisedText text = normalise(Format.MARKDOWN,
          "See [our policy](https://example.com/p \"t\") and ![a logo](logo.png).  \nEnd");
      assertEquals(List.of("See our policy and a logo. End"), texts(text));
    }

    @Test
    void tableRowsJoinCells() throws Exception {
      NormalisedText text = normalise(Format.MARKDOWN, """
          | Data | Purpose |
          |------|---------|
          | Email <br>Phone | Login |
          |  | Ads |
          """);
      assertEquals(List.of(new Block(TABLE_ROW, 0, "Data | Purpose"),
          new Block(TABLE_ROW, 0, "Email Phone | Login"),
          new Block(TABLE_ROW, 0, "| Ads")), text.blocks());
    }

    @Test
    void inlineHtmlTagsAreDroppedButTheirTextKept() throws Exception {
      NormalisedText text = normalise(Format.MARKDOWN,
          "Keep <span class=\"x\">this</span> and<br/>that <script>alert(1)</script>here.");
      assertEquals(List.of("Keep this and that here."), texts(text));
    }

    @Test
    void htmlBlocksAreReadAsHtml() throws Exception {
      NormalisedText text = normalise(Format.MARKDOWN, """
          Intro

          <div class="notice"><p>Read &amp; agree</p><ul><li>one</li></ul></div>

          <script>document.write("tracking")</script>

          <img src=x onerror=alert(1)>

          Outro
          """);
      assertEquals(List.of(Block.paragraph("Intro"), Block.paragraph("Read & agree"),
          item("one"), Block.paragraph("Outro")), text.blocks());
    }

    @Test
    void frontMatterTitleIsHeadlineAndNotText() throws Exception {
      NormalisedText text = normalise(Format.MARKDOWN, """
          ---
          title: "Privacy  Policy"
          layout: page
          ---
          # Heading

          Body
          """);
      assertEquals("Privacy Policy", text.headline());
      assertEquals(List.of("Heading", "Body"), texts(text));
    }

    @Test
    void frontMatterMayEndWithDotsAndHaveCrlfLines() throws Exception {
      NormalisedText text = normalise(Format.MARKDOWN,
          "\uFEFF---\r\ntitle: 1984\r\n...\r\nBody\r\n");
      assertEquals("1984", text.headline());
      assertEquals(List.of("Body"), texts(text));
    }

    @Test
    void badFrontMatterIsIgnored() throws Exception {
      NormalisedText text = normalise(Format.MARKDOWN, """
          ---
          title: [unclosed
            : : bad
          ---
          ## First heading

          Body
          """);
      assertEquals("First heading", text.headline());
      assertEquals(List.of("First heading", "Body"), texts(text));
    }

    @Test
    void unclosedFrontMatterIsText() throws Exception {
      NormalisedText text = normalise(Format.MARKDOWN, "---\ntitle: x\n\nBody\n");
      assertNull(text.headline());
      assertEquals(List.of("title: x", "Body"), texts(text));
    }

    @Test
    void headlineIsFirstHeadingOfAnyLevelElseNull() throws Exception {
      assertEquals("Sub", normalise(Format.MARKDOWN, "Text\n\n### Sub\n\n# Main\n").headline());
      assertNull(normalise(Format.MARKDOWN, "Just text\n").headline());
    }
  }

  @Nested
  class Html {

    @Test
    void blockElementsGiveTheirKinds() throws Exception {
      NormalisedText text = normalise(Format.HTML, """
          <body><h2>Section</h2><p>Para &amp; <b>bold</b> <a href="/x">link</a></p>
          <blockquote><p>Quoted</p>bare quote</blockquote>
          <pre>  line one
          line two</pre>
          <table><tr><th>Name</th><th>Value</th></tr><tr><td>a</td><td><p>b</p></td></tr></table>
          <dl><dt>Term</dt><dd>Meaning</dd></dl>
          <figure><img alt="chart"><figcaption>Caption</figcaption></figure></body>
          """);
      assertEquals(List.of(Block.heading(2, "Section"), Block.paragraph("Para & bold link"),
          new Block(QUOTE, 0, "Quoted"), new Block(QUOTE, 0, "bare quote"),
          new Block(PREFORMATTED, 0, "line one line two"),
          new Block(TABLE_ROW, 0, "Name | Value"), new Block(TABLE_ROW, 0, "a | b"),
          Block.paragraph("Term"), Block.paragraph("Meaning"), Block.paragraph("Caption")),
          text.blocks());
    }

    @Test
    void nestedBlocksDoNotRepeatText() throws Exception {
      NormalisedText text = normalise(Format.HTML, """
          <ul><li>one<p>one, more</p></li>
          <li>two<ul><li>two.a</li><li><p>two.b</p></li></ul>two, after</li></ul>
          """);
      assertEquals(List.of(item("one"), item("one, more"), item("two"), item("two.a"),
          item("two.b"), item("two, after")), text.blocks());
    }

    @Test
    void bareTextSplitsAtBlocksAndDoubleBreaks() throws Exception {
      NormalisedText text = normalise(Format.HTML,
          "<div>first<br>same paragraph<br> <br>second<div>third</div>fourth</div>");
      assertEquals(List.of("first same paragraph", "second", "third", "fourth"), texts(text));
    }

    @Test
    void scriptsStylesAndFormsNeverGiveText() throws Exception {
      NormalisedText text = normalise(Format.HTML, """
          <html><head><style>p { color: red }</style><script>var secret = 1;</script></head>
          <body><p>Visible</p><script>document.write('hidden')</script><noscript>no js</noscript>
          <template><p>template</p></template><svg><text>svg text</text></svg>
          <form><label>Email</label><input value="x"><button>Send</button></form>
          <select><option>Choice</option></select></body></html>
          """);
      assertEquals(List.of("Visible"), texts(text));
    }

    @Test
    void hostileMarkupYieldsNoText() throws Exception {
      NormalisedText text = normalise(Format.HTML,
          "<p>Safe</p><img src=x onerror=alert(1)><iframe src=javascript:alert(2)></iframe>"
              + "<object data=x>fallback</object><p onclick=\"alert(3)\">&lt;b&gt;</p>");
      assertEquals(List.of("Safe", "<b>"), texts(text));
    }

    @Test
    void withoutSelectorChromeIsRemovedAndMainChosen() throws Exception {
      NormalisedText text = normalise(Format.HTML, """
          <body><header>Site banner</header><nav>Home | About</nav>
          <p>Outside main</p>
          <main><header><h1>Terms</h1></header><p>Content</p><aside>Related</aside>
          <div hidden>Hidden</div><span aria-hidden="true">icon</span></main>
          <footer>Copyright</footer></body>
          """);
      assertEquals(List.of("Terms", "Content"), texts(text));
    }

    @Test
    void withoutMainTheLongestArticleIsChosen() throws Exception {
      NormalisedText text = normalise(Format.HTML,
          "<article><p>Teaser</p></article><article><p>The long article text</p></article>"
              + "<p>Body text</p>");
      assertEquals(List.of("The long article text"), texts(text));
    }

    @Test
    void roleMainIsContentWhenThereIsNoMain() throws Exception {
      NormalisedText text = normalise(Format.HTML,
          "<div role=navigation>Menu</div><div role=main><p>Content</p></div><p>Other</p>");
      assertEquals(List.of("Content"), texts(text));
    }

    @Test
    void selectorSelectsOutermostMatchesInOrder() throws Exception {
      NormaliseOptions options = new NormaliseOptions(".terms", null);
      NormalisedText text = normalise(Format.HTML, """
          <main><p>Not this</p></main>
          <nav class="terms"><p>First</p><div class="terms"><p>Nested</p></div></nav>
          <div class="terms"><p>Second</p></div>
          """, options);
      assertEquals(List.of("First", "Nested", "Second"), texts(text));
    }

    @Test
    void selectorThatMatchesNothingIsAReason() {
      assertEquals("selector '#content' matches nothing",
          reason(Format.HTML, "<p>Text</p>".getBytes(StandardCharsets.UTF_8),
              new NormaliseOptions("#content", null)));
    }

    @Test
    void invalidSelectorIsAReason() {
      String reason = reason(Format.HTML, "<p>Text</p>".getBytes(StandardCharsets.UTF_8),
          new NormaliseOptions("p >", null));
      assertEquals("invalid selector 'p >': unexpected token at ''", reason);
    }

    @Test
    void blankSelectorMeansNone() throws Exception {
      NormalisedText text = normalise(Format.HTML, "<p>Text</p>", new NormaliseOptions(" ", null));
      assertEquals(List.of("Text"), texts(text));
    }

    @Test
    void metaCharsetLatin1IsRead() throws Exception {
      byte[] head = "<html><head><meta charset=\"iso-8859-1\"><title>Menu</title></head><body><p>"
          .getBytes(StandardCharsets.US_ASCII);
      byte[] cafe = {0x63, 0x61, 0x66, (byte) 0xE9, ' ', (byte) 0x93, 'q', (byte) 0x94};
      byte[] tail = "</p></body></html>".getBytes(StandardCharsets.US_ASCII);
      NormalisedText text = Normaliser.normalise(Format.HTML, concat(head, cafe, tail),
          NormaliseOptions.DEFAULT);
      // 0x93 and 0x94 are curly quotes in windows-1252, which browsers read Latin-1 as.
      assertEquals(List.of("caf\u00E9 \u201Cq\u201D"), texts(text));
    }

    @Test
    void httpEquivCharsetIsRead() throws Exception {
      byte[] head = ("<meta http-equiv=\"Content-Type\" "
          + "content=\"text/html; charset=windows-1252\"><p>").getBytes(StandardCharsets.US_ASCII);
      byte[] cafe = {0x63, 0x61, 0x66, (byte) 0xE9};
      NormalisedText text = Normaliser.normalise(Format.HTML, concat(head, cafe),
          NormaliseOptions.DEFAULT);
      assertEquals(List.of("caf\u00E9"), texts(text));
    }

    @Test
    void utf8IsTheDefault() throws Exception {
      assertEquals(List.of("caf\u00E9 \u2014 \u00FC"),
          texts(normalise(Format.HTML, "<p>café — ü")));
    }

    @Test
    void headlineIsTitleElseFirstH1ElseNull() throws Exception {
      assertEquals("Page title",
          normalise(Format.HTML, "<title> Page\n title </title><h1>Heading</h1>").headline());
      assertEquals("Heading one", normalise(Format.HTML,
          "<title> </title><h2>Sub</h2><h1>Heading <i>one</i></h1><h1>Two</h1>").headline());
      assertNull(normalise(Format.HTML, "<p>No headings</p>").headline());
    }
  }

  @Test
  void optionsAreRequired() {
    assertThrows(NullPointerException.class,
        () -> Normaliser.normalise(Format.TEXT, new byte[] {'a'}, null));
  }

  @Test
  void formatIsToldByExtension() {
    assertEquals(Format.HTML, Format.ofFileName("2016-05-03T10-22-31Z.HTM").orElseThrow());
    assertEquals(Format.MARKDOWN, Format.ofFileName("a.markdown").orElseThrow());
    assertFalse(Format.ofFileName("notes").isPresent());
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
