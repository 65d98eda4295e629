package dev.palimpsest.read;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Turns folder names into names that are safe in the output and in URLs, and keeps them unique:
 * two folders that slug alike both survive, the second with a numeric suffix.
 */
public final class Slugs {
  private static final Pattern SAFE = Pattern.compile("[a-z0-9][a-z0-9._-]*");
  private static final int MAX_LENGTH = 80;

  private Slugs() {}

  /** Whether a name can be used in the output as it is. */
  public static boolean isSafe(String name) {
    return name.length() <= MAX_LENGTH && SAFE.matcher(name).matches();
  }

  /** A safe name for {@code name}: itself when already safe, else a readable slug of it. */
  public static String of(String name) {
    if (isSafe(name)) {
      return name;
    }
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT);
    String slug = ascii.replaceAll("[^a-z0-9._-]+", "-")
        .replaceAll("-{2,}", "-")
        .replaceAll("^[._-]+|[._-]+$", "");
    if (slug.length() > MAX_LENGTH) {
      slug = slug.substring(0, MAX_LENGTH).replaceAll("[._-]+$", "");
    }
    return slug.isEmpty() ? "untitled" : slug;
  }

  /**
   * Unique safe names for {@code names}, none of them {@code reserved}. Names already safe
   * keep themselves; the others take their slug, with "-2", "-3"… when it is taken. The result
   * depends only on the set of names, so builds are reproducible.
   *
   * @param reserved tells the names that output of the generator's own takes
   * @return each name mapped to its output name, in sorted order of the names
   */
  public static Map<String, String> assign(Collection<String> names,
      Predicate<String> reserved) {
    Set<String> taken = new TreeSet<>();
    Map<String, String> result = new LinkedHashMap<>();
    List<String> sorted = new ArrayList<>(new TreeSet<>(names));
    // Safe names first, so that a folder already named "doc-one" keeps that name even when
    // another folder, "Doc One", slugs to it too.
    for (String name : sorted) {
      if (isSafe(name) && !reserved.test(name) && taken.add(name)) {
        result.put(name, name);
      }
    }
    for (String name : sorted) {
      if (result.containsKey(name)) {
        continue;
      }
      String base = of(name);
      String candidate = base;
      for (int n = 2; reserved.test(candidate) || !taken.add(candidate); n++) {
        candidate = base + "-" + n;
      }
      result.put(name, candidate);
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    sorted.forEach(name -> ordered.put(name, result.get(name)));
    return ordered;
  }
}
