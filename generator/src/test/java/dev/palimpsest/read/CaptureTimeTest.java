package dev.palimpsest.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
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
}
