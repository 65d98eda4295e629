package dev.palimpsest.read;

import java.time.Instant;
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
    int year = fields[0];
    int month = fields[1];
    int day = fields[2];
    // Impossible dates such as 30 February are rejected, not rounded.
    if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || fields[3] > 23
        || fields[4] > 59 || fields[5] > 59) {
      return Optional.empty();
    }
    return Optional.of(Instant.ofEpochSecond(epochDay(year, month, day) * 86_400
        + fields[3] * 3_600L + fields[4] * 60L + fields[5]));
  }

  private static int daysIn(int year, int month) {
    return switch (month) {
      case 2 -> year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /**
   * Days from 1970-01-01 to a date of the proleptic Gregorian calendar (years 0 to 9999 here),
   * by arithmetic: LocalDate's checked construction took a good part of a scan, which reads a
   * time for every snapshot.
   */
  private static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yearOfEra = y - era * 400;
    int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097L + dayOfEra - 719_468;
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
