package dev.palimpsest.normalise;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Turns a snapshot's bytes into {@link NormalisedText}: the blocks of readable text that versions
 * are compared by, and the snapshot's headline. A pure function of its arguments: no file system,
 * no clock, no shared state; safe to call from many threads.
 *
 * <pre>{@code
 * NormalisedText text = Normaliser.normalise(Format.HTML, bytes, NormaliseOptions.DEFAULT);
 * }</pre>
 */
public final class Normaliser {
  /** How much of the start of a file is examined to tell binary from text. */
  private static final int SNIFF_BYTES = 8192;

  private Normaliser() {}

  /**
   * Normalises one snapshot.
   *
   * @throws UnusableSnapshotException when the bytes are empty, binary, or hold no readable text;
   *     its message is the reason a user reads
   */
  public static NormalisedText normalise(Format format, byte[] content, NormaliseOptions options)
      throws UnusableSnapshotException {
    Objects.requireNonNull(format, "format must not be null");
    Objects.requireNonNull(content, "content must not be null");
    Objects.requireNonNull(options, "options must not be null");
    if (isBlank(content)) {
      throw new UnusableSnapshotException("empty file");
    }
    if (looksBinary(content)) {
      throw new UnusableSnapshotException("binary file, not text");
    }
    NormalisedText raw = switch (format) {
      case TEXT -> new NormalisedText(null, PlainText.blocks(decodeUtf8(content)));
      case MARKDOWN -> MarkdownText.read(decodeUtf8(content));
      case HTML -> HtmlText.read(parseHtml(content), options.selector());
    };
    NormalisedText text = ignore(raw, options.ignore());
    if (text.blocks().isEmpty()) {
      throw new UnusableSnapshotException("no readable text");
    }
    return text;
  }

  /**
   * Unicode NFC, every run of whitespace (including no-break and other Unicode spaces) as one
   * space, zero-width characters removed, no space at either end.
   */
  public static String normaliseText(String text) {
    return TextCleaner.clean(text);
  }

  private static NormalisedText ignore(NormalisedText text, Pattern ignore) {
    if (ignore == null) {
      return text;
    }
    List<Block> blocks = new ArrayList<>();
    for (Block block : text.blocks()) {
      String kept = TextCleaner.clean(ignore.matcher(block.text()).replaceAll(""));
      if (!kept.isEmpty()) {
        blocks.add(new Block(block.kind(), block.level(), kept));
      }
    }
    String headline = text.headline() == null ? null
        : TextCleaner.clean(ignore.matcher(text.headline()).replaceAll(""));
    return new NormalisedText(headline == null || headline.isEmpty() ? null : headline, blocks);
  }

  private static boolean isBlank(byte[] content) {
    for (byte b : content) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
        return false;
      }
    }
    return true;
  }

  /**
   * A NUL byte, or many control characters, near the start: an image or archive with a text
   * name. UTF-16 text would trip this too; snapshots are expected in 8-bit encodings.
   */
  private static boolean looksBinary(byte[] content) {
    int length = Math.min(content.length, SNIFF_BYTES);
    int control = 0;
    for (int i = 0; i < length; i++) {
      int b = content[i] & 0xff;
      if (b == 0) {
        return true;
      }
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b) {
        control++;
      }
    }
    return control > length / 10;
  }

  /** UTF-8 with a leading BOM dropped; invalid bytes become U+FFFD rather than failing. */
  static String decodeUtf8(byte[] content) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(content)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder cannot fail", e);
    }
  }

  /** jsoup finds the charset from a BOM or a meta tag, defaulting to UTF-8. */
  private static Document parseHtml(byte[] content) {
    try {
      return Jsoup.parse(new ByteArrayInputStream(content), null, "");
    } catch (IOException e) {
      throw new UncheckedIOException("reading bytes in memory cannot fail", e);
    }
  }
}
