package dev.palimpsest.document;

import dev.palimpsest.normalise.NormalisedText;
import java.time.Instant;

/**
 * One distinct text of a document: the captures from {@code firstSeen} to {@code lastSeen} all
 * normalised to {@code text}.
 *
 * @param number 1 for the first version, then 2, 3…
 * @param firstSeen capture time of the snapshot that introduced this text
 * @param lastSeen capture time of the last snapshot that still had it
 * @param text the normalised text
 */
record Version(int number, Instant firstSeen, Instant lastSeen, NormalisedText text) {
  Version seenAgain(Instant time) {
    return new Version(number, firstSeen, time, text);
  }
}
