package dev.palimpsest.normalise;

import java.util.List;
import java.util.Objects;

/**
 * A snapshot reduced to what readers compare: its headline and its blocks of text.
 *
 * @param headline the snapshot's own title (HTML {@code <title>} or first {@code <h1>}, Markdown
 *     front matter {@code title} or first heading), normalised like block text; {@code null} when
 *     it has none (plain text)
 * @param blocks the readable text, in document order; may be empty only when the snapshot has
 *     no readable text at all
 */
public record NormalisedText(String headline, List<Block> blocks) {
  public NormalisedText {
    blocks = List.copyOf(Objects.requireNonNull(blocks, "blocks must not be null"));
  }
}
