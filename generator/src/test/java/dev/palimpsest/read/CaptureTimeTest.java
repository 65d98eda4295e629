package dev.palimpsest.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaptureTimeTest {
  @ParameterizedTest
  @ValueSource(strings = {"2016-05-03T10-22-31Z", "2016-05-03T10:22:31Z", "20160503T102231Z"})
  void threeSpellingsOfOneTime(String name) {
    assertEquals(Optional.of(Instant.parse("2016-05-03T10:22:31Z")), CaptureTime.parse(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-02-30T10-00-00Z", "2026-13-01T00-00-00Z", "2026-01-01T25-00-00Z",
      "2023-02-29T00-00-00Z", "2026-01-01T24-00-00Z", "20260230T100000Z"})
  void impossibleDatesAreRefusedButRecognised(String name) {
    assertEquals(Optional.empty(), CaptureTime.parse(name));
    assertTrue(CaptureTime.looksLikeTime(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2016-05-03", "2016-05-03T10-22-31", "x2016-05-03T10-22-31Z",
      "2016-05-03T10-22:31Z", "2016-05-03 10-22-31Z", "2016-05-03T10-22-31z", "2016-0５-03T10-22-31Z",
      "+016-05-03T10-22-31Z", "20160503T102231", "2016050３T102231Z"})
  void otherNamesAreNotTimes(String name) {
    assertEquals(Optional.empty(), CaptureTime.parse(name));
  }

  /**
   * Every name of the canonical shape reads as java.time reads its date and time, valid or not:
   * random fields, many of them impossible (31 April, 29 February of 1900, hour 24, second 60).
   */
  @Test
  void readsAsJavaTimeDoes() {
    Random random = new Random(4);
    for (int i = 0; i < 50_000; i++) {
      int year = random.nextInt(10_000);
      int month = random.nextInt(14);
      int day = random.nextInt(33);
      int hour = random.nextInt(25);
      int minute = random.nextInt(61);
      int second = random.nextInt(61);
      String name = String.format("%04d-%02d-%02dT%02d-%02d-%02dZ", year, month, day, hour,
          minute, second);
      Optional<Instant> expected;
      try {
        expected = Optional.of(LocalDateTime.of(year, month, day, hour, minute, second)
            .toInstant(ZoneOffset.UTC));
      } catch (DateTimeException impossible) {
        expected = Optional.empty();
      }
      assertEquals(expected, CaptureTime.parse(name), name);
    }
    assertEquals(Optional.of(Instant.parse("0000-02-29T00:00:00Z")),
        CaptureTime.parse("0000-02-29T00-00-00Z"));
    assertEquals(Optional.empty(), CaptureTime.parse("1900-02-29T00-00-00Z"));
    assertEquals(Optional.of(Instant.parse("2000-02-29T23:59:59Z")),
        CaptureTime.parse("20000229T235959Z"));
  }
}
