package dev.palimpsest.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rometools.rome.io.impl.DateParser;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimeTextTest {
  static final Instant T = Instant.parse("2016-05-03T10:22:31Z");

  @Test
  void exactTimesAndDatesAreUtc() {
    assertEquals("3 May 2016", TimeText.date(T));
    assertEquals("2016-05-03 10:22 UTC", TimeText.exact(T));
    assertEquals("2016-05-03T10:22:31Z", TimeText.iso(T));
  }

  @Test
  void laterSaysTheLargestWholeUnit() {
    assertEquals("moments later", TimeText.later(T, T.plusSeconds(20)));
    assertEquals("5 minutes later", TimeText.later(T, T.plusSeconds(300)));
    assertEquals("an hour later", TimeText.later(T, T.plusSeconds(3600)));
    assertEquals("a day later", TimeText.later(T, T.plusSeconds(86400)));
    assertEquals("4 months later", TimeText.later(T, Instant.parse("2016-09-01T08:00:00Z")));
    assertEquals("3 years later", TimeText.later(T, Instant.parse("2019-06-01T00:00:00Z")));
  }

  @Test
  void agoSaysOverWhenNotAWholeNumberOfDays() {
    assertEquals("over 40 days ago", TimeText.ago(T, T.plusSeconds(40 * 86400 + 3600)));
    assertEquals("40 days ago", TimeText.ago(T, T.plusSeconds(40 * 86400)));
    assertEquals("2 hours ago", TimeText.ago(T, T.plusSeconds(7300)));
  }

  @Test
  void isoTimesAreWholeSecondsInUtcWithFourDigitYears() {
    for (String time : new String[] {"1970-01-01T00:00:00Z", "0999-12-31T23:59:59Z",
        "2024-02-29T12:00:00Z", "9999-12-31T23:59:59Z", "2026-11-29T07:05:09Z"}) {
      assertEquals(time, TimeText.iso(java.time.Instant.parse(time)));
    }
    assertEquals("2016-05-03T10:22:31Z", TimeText.iso(T.plusMillis(999)));
    assertEquals("+10000-01-01T00:00:00Z",
        TimeText.iso(java.time.Instant.parse("+10000-01-01T00:00:00Z")));
  }

  /** Every time of years 0000 to 9999 spelled as java.time's formatter spells it. */
  @Test
  void isoTimesAreAsTheFormatterWritesThem() {
    java.time.format.DateTimeFormatter formatter = java.time.format.DateTimeFormatter
        .ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(java.time.ZoneOffset.UTC);
    long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    Random random = new Random(5);
    for (int i = 0; i < 50_000; i++) {
      Instant time = Instant.ofEpochSecond(first + (long) (random.nextDouble() * (last - first)));
      assertEquals(formatter.format(time), TimeText.iso(time), time::toString);
    }
    for (long second : new long[] {first, last, 0, -1, 951_782_400L, -2_203_891_200L}) {
      Instant time = Instant.ofEpochSecond(second);
      assertEquals(formatter.format(time), TimeText.iso(time), time::toString);
    }
    assertEquals("-0001-12-31T23:59:59Z", TimeText.iso(Instant.ofEpochSecond(first - 1)));
  }

  /**
   * Feed dates read as Rome would write them (RSS in RFC 822, Atom in W3C form), for any time
   * of the Gregorian calendar that four digits can give.
   */
  @Test
  void feedDatesAreAsRomeWritesThem() {
    Random random = new Random(29);
    long first = Instant.parse("1583-01-01T00:00:00Z").getEpochSecond();
    long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 20_000; i++) {
      Instant time = Instant.ofEpochSecond(first + (long) (random.nextDouble() * (last - first)),
          random.nextInt(1_000_000_000));
      Date date = Date.from(time);
      assertEquals(DateParser.formatRFC822(date, Locale.US), TimeText.rfc822(time),
          time::toString);
      assertEquals(DateParser.formatW3CDateTime(date, Locale.US), TimeText.iso(time),
          time::toString);
    }
    assertEquals("Tue, 03 May 2016 10:22:31 GMT", TimeText.rfc822(T));
    assertEquals("Sat, 01 Jan +10000 00:00:00 GMT",
        TimeText.rfc822(Instant.parse("+10000-01-01T00:00:00Z")));
  }
}
