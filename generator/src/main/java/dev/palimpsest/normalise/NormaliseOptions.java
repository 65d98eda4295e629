package dev.palimpsest.normalise;

import java.util.regex.Pattern;

/** How to normalise a document's snapshots: content selector (HTML) and text to ignore. */
public record NormaliseOptions(String selector, Pattern ignore) {
  public static final NormaliseOptions DEFAULT = new NormaliseOptions(null, null);
}
