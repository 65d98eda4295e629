package dev.palimpsest.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.palimpsest.document.ChangeSummary;
import dev.palimpsest.document.DocumentSummary;
import dev.palimpsest.render.TimeText;
import dev.palimpsest.site.SiteStage.Change;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code changes.json} is written by hand: it must read as JSON with the SPEC's fields, and be
 * laid out byte for byte as Jackson's pretty printer lays out the same values.
 */
class ChangesJsonTest {
  private static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");

  @Test
  void writesWhatJacksonWritesForAnyTitle() throws IOException {
    Random random = new Random(7);
    List<Change> changes = new ArrayList<>();
    String[] titles = {"Plain", "Quotes \" and \\ backslashes", "Tab\tnew\nline\rreturn",
        "Bell \u0007 and \u001f", "Ünïcödé — “quotes” 利用規約 😀", "", "</script><b>"};
    for (int d = 0; d < titles.length; d++) {
      Instant start = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(d * 86_400L);
      List<ChangeSummary> summaries = new ArrayList<>();
      for (int v = 1; v <= 3; v++) {
        summaries.add(new ChangeSummary(v, v + 1, start.plusSeconds(v * 3600L),
            start.plusSeconds((v + 1) * 3600L), random.nextInt(1000), random.nextInt(50),
            random.nextInt(3)));
      }
      DocumentSummary document = new DocumentSummary("source-" + d, "doc-" + d, titles[d],
          start, start.plusSeconds(4 * 3600L), start.plusSeconds(5 * 3600L), 4, false,
          summaries);
      summaries.forEach(change -> changes.add(new Change(document, change)));
    }

    assertEquals(jackson(changes), written(changes));
    JsonNode read = new ObjectMapper().readTree(written(changes));
    assertEquals(titles[4], read.get("changes").get(12).get("title").asText());
    assertEquals("source-1/doc-1/diffs/2-3.html", read.get("changes").get(4).get("diff")
        .asText());
  }

  @Test
  void writesAnEmptyListAsJacksonDoes() throws IOException {
    assertEquals(jackson(List.of()), written(List.of()));
  }

  private static String written(List<Change> changes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ChangesJson.write(changes, NOW, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The same values through Jackson's generator and its default pretty printer. */
  private static String jackson(List<Change> changes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("generated", TimeText.iso(NOW));
      json.writeArrayFieldStart("changes");
      for (Change c : changes) {
        json.writeStartObject();
        json.writeStringField("source", c.document().source());
        json.writeStringField("document", c.document().name());
        json.writeStringField("title", c.document().title());
        json.writeNumberField("from", c.change().from());
        json.writeNumberField("to", c.change().to());
        json.writeStringField("from_time", TimeText.iso(c.change().fromTime()));
        json.writeStringField("to_time", TimeText.iso(c.change().toTime()));
        json.writeNumberField("words_added", c.change().wordsAdded());
        json.writeNumberField("words_removed", c.change().wordsRemoved());
        json.writeNumberField("moved_blocks", c.change().movedBlocks());
        json.writeStringField("diff", c.document().path() + c.change().diffPath());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write('\n');
    return out.toString(StandardCharsets.UTF_8);
  }
}
