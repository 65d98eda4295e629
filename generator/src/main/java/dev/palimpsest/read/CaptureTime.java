package dev.palimpsest.read;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Reads a snapshot's capture time from its file name. Three spellings of the same UTC time are
 * accepted: {@code 2016-05-03T10-22-31Z} (the canonical one, safe on every file system),
 * {@code 2016-05-03T10:22:31Z} and {@code 20160503T102231Z}.
 */
public final class CaptureTime {
  private CaptureTime() {}

  /**
   * The time a base name (file name without extension) spells, if it spells one. Read by hand
   * rather than with a date formatter: a scan reads one per snapshot, and the formatter took
   * most of a no-op rebuild's scan.
   */
  public static Optional<Instant> parse(String baseName) {
    int[] fields = switch (baseName.length()) {
      case 20 -> separated(baseName);
      case 16 -> compact(baseName);
      default -> null;
    };
    if (fields == null) {
      return Optional.empty();
    }
    try {
      // LocalDateTime.of rejects impossible dates such as 30 February instead of rounding them.
      return Optional.of(LocalDateTime.of(fields[0], fields[1], fields[2], fields[3], fields[4],
          fields[5]).toInstant(ZoneOffset.UTC));
    } catch (DateTimeException impossible) {
      return Optional.empty();
    }
  }

  /** {@code 2016-05-03T10-22-31Z} or {@code 2016-05-03T10:22:31Z}. */
  private static int[] separated(String name) {
    char time = name.charAt(13);
    if (name.charAt(4) != '-' || name.charAt(7) != '-' || name.charAt(10) != 'T'
        || (time != '-' && time != ':') || name.charAt(16) != time || name.charAt(19) != 'Z') {
      return null;
    }
    return digits(name, 0, 5, 8, 11, 14, 17);
  }

  /** {@code 20160503T102231Z}. */
  private static int[] compact(String name) {
    if (name.charAt(8) != 'T' || name.charAt(15) != 'Z') {
      return null;
    }
    return digits(name, 0, 4, 6, 9, 11, 13);
  }

  /**
   * The year (four digits from {@code yearAt}) and five two-digit fields at the given offsets,
   * or null when any of them is not all ASCII digits.
   */
  private static int[] digits(String name, int yearAt, int... twoDigitsAt) {
    int[] fields = new int[1 + twoDigitsAt.length];
    fields[0] = number(name, yearAt, 4);
    for (int i = 0; i < twoDigitsAt.length; i++) {
      fields[i + 1] = number(name, twoDigitsAt[i], 2);
    }
    for (int field : fields) {
      if (field < 0) {
        return null;
      }
    }
    return fields;
  }

  private static int number(String name, int at, int length) {
    int value = 0;
    for (int i = at; i < at + length; i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** Whether the base name has the shape of a capture time, even if the date is impossible. */
  static boolean looksLikeTime(String baseName) {
    return baseName.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}[-:]\\d{2}[-:]\\d{2}Z|\\d{8}T\\d{6}Z");
  }
}
