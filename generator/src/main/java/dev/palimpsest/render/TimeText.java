package dev.palimpsest.render;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as readers see them: exact UTC times, dates, and relative phrases. Pure. */
public final class TimeText {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter EXACT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter RFC_822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);
  private static final String[] DAY_NAMES = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTH_NAMES = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
      "Aug", "Sep", "Oct", "Nov", "Dec"};

  /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the times {@link #iso} spells by hand. */
  private static final long FIRST_FOUR_DIGIT_SECOND = -62_167_219_200L;
  private static final long LAST_FOUR_DIGIT_SECOND = 253_402_300_799L;

  /** The length of {@link #iso}'s text for a year of four digits. */
  public static final int ISO_LENGTH = 20;

  private static final double DAYS_PER_YEAR = 365.2425;
  private static final double DAYS_PER_MONTH = DAYS_PER_YEAR / 12;

  private TimeText() {}

  /** "3 May 2016". */
  public static String date(Instant time) {
    return DATE.format(time);
  }

  /** "2016-05-03 10:22 UTC". */
  public static String exact(Instant time) {
    return EXACT.format(time);
  }

  /** "2016-05-03T10:22:31Z", for machines (datetime attributes, JSON). */
  public static String iso(Instant time) {
    byte[] text = new byte[ISO_LENGTH];
    if (!iso(time, text, 0)) {
      return ISO.format(time);
    }
    return new String(text, StandardCharsets.ISO_8859_1);
  }

  /**
   * Writes {@link #iso}'s text, in ASCII, into {@code text} from {@code at}, for a year of four
   * digits; returns false, writing nothing, for any other.
   */
  public static boolean iso(Instant time, byte[] text, int at) {
    long seconds = time.getEpochSecond();
    if (seconds < FIRST_FOUR_DIGIT_SECOND || seconds > LAST_FOUR_DIGIT_SECOND) {
      return false;
    }
    // By hand, with the calendar's arithmetic rather than LocalDateTime's checked fields:
    // changes.json and the sitemaps of a large site hold hundreds of thousands of these, and
    // a rebuild writes them with code the JVM has not compiled yet.
    long days = Math.floorDiv(seconds, 86_400);
    int second = (int) Math.floorMod(seconds, 86_400);
    // Days to year, month and day (the proleptic Gregorian calendar, years from March).
    long shifted = days + 719_468;
    long era = Math.floorDiv(shifted, 146_097);
    int dayOfEra = (int) (shifted - era * 146_097);
    int yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    int monthFromMarch = (5 * dayOfYear + 2) / 153;
    int day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
    int month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
    int year = (int) (era * 400 + yearOfEra) + (month <= 2 ? 1 : 0);
    digits(text, at, 4, year);
    text[at + 4] = '-';
    digits(text, at + 5, 2, month);
    text[at + 7] = '-';
    digits(text, at + 8, 2, day);
    text[at + 10] = 'T';
    digits(text, at + 11, 2, second / 3_600);
    text[at + 13] = ':';
    digits(text, at + 14, 2, second / 60 % 60);
    text[at + 16] = ':';
    digits(text, at + 17, 2, second % 60);
    text[at + 19] = 'Z';
    return true;
  }

  private static void digits(byte[] text, int at, int length, int value) {
    for (int i = at + length - 1; i >= at; i--) {
      text[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  /**
   * "Tue, 03 May 2016 10:22:31 GMT", the RFC 822 form that RSS gives dates in. By hand, with
   * the English names RSS requires: no locale data to load.
   */
  public static String rfc822(Instant time) {
    LocalDateTime utc = LocalDateTime.ofEpochSecond(time.getEpochSecond(), 0, ZoneOffset.UTC);
    if (utc.getYear() < 0 || utc.getYear() > 9999) {
      return RFC_822.format(time);
    }
    char[] text = "Xxx, 00 Xxx 0000 00:00:00 GMT".toCharArray();
    DAY_NAMES[utc.getDayOfWeek().ordinal()].getChars(0, 3, text, 0);
    digits(text, 5, 2, utc.getDayOfMonth());
    MONTH_NAMES[utc.getMonthValue() - 1].getChars(0, 3, text, 8);
    digits(text, 12, 4, utc.getYear());
    digits(text, 17, 2, utc.getHour());
    digits(text, 20, 2, utc.getMinute());
    digits(text, 23, 2, utc.getSecond());
    return new String(text);
  }

  private static void digits(char[] text, int at, int length, int value) {
    for (int i = at + length - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /** How long after {@code from} {@code to} came: "4 months later", "3 days later". */
  public static String later(Instant from, Instant to) {
    Duration gap = Duration.between(from, to);
    return gap.isNegative() ? span(gap.negated(), false) + " earlier"
        : span(gap, false) + " later";
  }

  /** How long before {@code now} {@code time} was: "over 40 days ago", "2 hours ago". */
  public static String ago(Instant time, Instant now) {
    Duration gap = Duration.between(time, now);
    if (gap.isNegative()) {
      return "in the future";
    }
    return span(gap, true) + " ago";
  }

  /**
   * A duration in its largest unit. With {@code over}, units are whole and a duration that is not
   * a whole number of days, months or years says so ("over 40 days"), as news trackers do;
   * without it, months and years are rounded to the nearest ("4 months" for 120 days).
   */
  private static String span(Duration gap, boolean over) {
    long minutes = gap.toMinutes();
    long hours = gap.toHours();
    long days = gap.toDays();
    if (minutes < 1) {
      return "moments";
    }
    if (hours < 1) {
      return plural(minutes, "minute");
    }
    if (days < 1) {
      return plural(hours, "hour");
    }
    String prefix = over && !gap.equals(Duration.ofDays(days)) ? "over " : "";
    if (days < 60) {
      return prefix + plural(days, "day");
    }
    double months = days / DAYS_PER_MONTH;
    if (days < 365 * 2) {
      return prefix + plural(over ? (long) months : Math.round(months), "month");
    }
    double years = days / DAYS_PER_YEAR;
    return prefix + plural(over ? (long) years : Math.round(years), "year");
  }

  private static String plural(long count, String unit) {
    return count == 1 ? (unit.equals("hour") ? "an hour" : "a " + unit)
        : count + " " + unit + "s";
  }
}
