package dev.palimpsest.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
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
}
