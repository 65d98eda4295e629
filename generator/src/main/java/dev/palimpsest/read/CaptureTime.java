package dev.palimpsest.read;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;

/**
 * Reads a snapshot's capture time from its file name. Three spellings of the same UTC time are
 * accepted: {@code 2016-05-03T10-22-31Z} (the canonical one, safe on every file system),
 * {@code 2016-05-03T10:22:31Z} and {@code 20160503T102231Z}.
 */
public final class CaptureTime {
  private static final List<DateTimeFormatter> SPELLINGS = List.of(
      strict("uuuu-MM-dd'T'HH-mm-ss'Z'"),
      strict("uuuu-MM-dd'T'HH:mm:ss'Z'"),
      strict("uuuuMMdd'T'HHmmss'Z'"));

  private CaptureTime() {}

  private static DateTimeFormatter strict(String pattern) {
    // STRICT resolving rejects impossible dates such as 30 February instead of rounding them.
    return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
  }

  /** The time a base name (file name without extension) spells, if it spells one. */
  public static Optional<Instant> parse(String baseName) {
    for (DateTimeFormatter spelling : SPELLINGS) {
      try {
        return Optional.of(LocalDateTime.parse(baseName, spelling).toInstant(ZoneOffset.UTC));
      } catch (DateTimeException notThisSpelling) {
        // try the next spelling
      }
    }
    return Optional.empty();
  }

  /** Whether the base name has the shape of a capture time, even if the date is impossible. */
  static boolean looksLikeTime(String baseName) {
    return baseName.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}[-:]\\d{2}[-:]\\d{2}Z|\\d{8}T\\d{6}Z");
  }
}
