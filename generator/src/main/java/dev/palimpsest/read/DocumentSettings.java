package dev.palimpsest.read;

import dev.palimpsest.normalise.NormaliseOptions;
import java.util.regex.Pattern;

/**
 * What {@code document.properties} (and, for selector and ignore, {@code source.properties})
 * says about a document. Every field but {@code frozen} may be {@code null}.
 *
 * @param title the document's title, overriding the one its snapshots give
 * @param url the document's original address, as written (shown as a link only if http(s))
 * @param selector CSS selector for the main content of HTML snapshots
 * @param ignore text to remove before versions are compared
 * @param frozen {@code status=frozen}: the document is no longer checked
 */
public record DocumentSettings(String title, String url, String selector, Pattern ignore,
    boolean frozen) {

  public NormaliseOptions normaliseOptions() {
    return new NormaliseOptions(selector, ignore);
  }
}
