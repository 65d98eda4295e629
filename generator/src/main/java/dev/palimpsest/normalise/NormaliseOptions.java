package dev.palimpsest.normalise;

import java.util.regex.Pattern;

/**
 * How one document's snapshots are normalised, from its {@code document.properties} or its
 * source's {@code source.properties}.
 *
 * <p>Records compare a {@link Pattern} by identity, so two options are equal only when they
 * share the same compiled pattern.
 *
 * @param selector a CSS selector for an HTML page's main content, or {@code null} to find it
 *     automatically; a blank selector means none. Ignored for Markdown and plain text.
 * @param ignore text to remove before versions are compared (visit counters, "last updated"
 *     stamps), or {@code null}; it is matched against each block's normalised text, in which
 *     every whitespace run is one space
 */
public record NormaliseOptions(String selector, Pattern ignore) {

  /** No selector, nothing ignored. */
  public static final NormaliseOptions DEFAULT = new NormaliseOptions(null, null);

  public NormaliseOptions {
    // An empty "selector=" line in a properties file means "no selector", not "select nothing".
    if (selector != null && selector.isBlank()) {
      selector = null;
    }
  }
}
