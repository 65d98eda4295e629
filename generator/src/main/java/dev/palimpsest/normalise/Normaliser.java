package dev.palimpsest.normalise;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reduces a snapshot's bytes to the blocks of text that versions are compared by.
 *
 * <pre>{@code
 * NormalisedText text = Normaliser.normalise(Format.HTML, bytes, NormaliseOptions.DEFAULT);
 * text.blocks().forEach(block -> System.out.println(block.kind() + ": " + block.text()));
 * }</pre>
 *
 * <p>A pure function of its arguments: no file system, no clock, no shared mutable state, so it
 * is safe to call from many threads at once.
 */
public final class Normaliser {

  /** How much of a file the binary check looks at. */
  private static final int SNIFF_LENGTH = 8192;
  /** More control characters than this share of the sniffed bytes means a binary file. */
  private static final double MAX_CONTROL_SHARE = 0.1;

  private Normaliser() {}

  /**
   * The snapshot's headline and blocks. Every block's text and the headline are in Unicode NFC
   * with whitespace runs made single spaces and trimmed, and have the {@code ignore} pattern's
   * matches removed; blocks left empty are dropped.
   *
   * @throws UnusableSnapshotException when the content is empty, binary, has no readable text,
   *     or the options' selector is invalid or matches nothing; its message is the reason
   */
  public static NormalisedText normalise(Format format, byte[] content, NormaliseOptions options)
      throws UnusableSnapshotException {
    Objects.requireNonNull(format, "format must not be null");
    Objects.requireNonNull(content, "content must not be null");
    Objects.requireNonNull(options, "options must not be null");
    checkReadable(content);
    NormalisedText extracted = switch (format) {
      case TEXT -> PlainTextExtractor.extract(decodeUtf8(content));
      case MARKDOWN -> MarkdownExtractor.extract(decodeUtf8(content));
      case HTML -> HtmlExtractor.extract(content, options.selector());
    };
    NormalisedText result = options.ignore() == null
        ? new NormalisedText(headline(extracted.headline()), extracted.blocks())
        : withoutIgnored(extracted, options.ignore());
    if (result.blocks().isEmpty()) {
      throw new UnusableSnapshotException("no readable text");
    }
    return result;
  }

  private static void checkReadable(byte[] content) throws UnusableSnapshotException {
    if (isEmpty(content)) {
      throw new UnusableSnapshotException("empty file");
    }
    int sniffed = Math.min(content.length, SNIFF_LENGTH);
    int controls = 0;
    for (int i = 0; i < sniffed; i++) {
      byte b = content[i];
      if (b == 0) {
        throw new UnusableSnapshotException("binary file, not text");
      }
      if ((b > 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F) {
        controls++;
      }
    }
    if (controls > sniffed * MAX_CONTROL_SHARE) {
      throw new UnusableSnapshotException("binary file, not text");
    }
  }

  /** No bytes, or only ASCII whitespace after an optional UTF-8 byte order mark. */
  private static boolean isEmpty(byte[] content) {
    boolean bom = content.length >= 3
        && content[0] == (byte) 0xEF && content[1] == (byte) 0xBB && content[2] == (byte) 0xBF;
    for (int i = bom ? 3 : 0; i < content.length; i++) {
      byte b = content[i];
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x0B) {
        return false;
      }
    }
    return true;
  }

  /** UTF-8 with invalid bytes as U+FFFD (never an exception) and no byte order mark. */
  private static String decodeUtf8(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static String headline(String raw) {
    if (raw == null) {
      return null;
    }
    String headline = TextCleaner.clean(raw);
    return headline.isEmpty() ? null : headline;
  }

  private static NormalisedText withoutIgnored(NormalisedText text, Pattern ignore) {
    BlockSink sink = new BlockSink();
    for (Block block : text.blocks()) {
      sink.add(block.kind(), block.level(), ignore.matcher(block.text()).replaceAll(""));
    }
    String headline = headline(text.headline());
    return new NormalisedText(
        headline == null ? null : headline(ignore.matcher(headline).replaceAll("")),
        sink.blocks());
  }
}
