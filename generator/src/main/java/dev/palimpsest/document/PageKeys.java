package dev.palimpsest.document;

import dev.palimpsest.normalise.Block;
import dev.palimpsest.normalise.NormalisedText;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * Keys of a document's pages: a digest of everything a diff page (and its inline view) or a
 * version page is made from that can differ between two builds with the same templates and
 * options: the versions' texts, numbers and times, whether there is a page before and after,
 * the document's title and source. Two builds that give a page the same key write the same
 * page.
 */
final class PageKeys {
  private PageKeys() {}

  /** The SHA-256 of a version's text: its headline and blocks. */
  static byte[] digest(NormalisedText text) {
    MessageDigest sha = sha256();
    if (text.headline() == null) {
      sha.update((byte) 0);
    } else {
      sha.update((byte) 1);
      update(sha, text.headline());
    }
    for (Block block : text.blocks()) {
      sha.update((byte) block.kind().ordinal());
      sha.update((byte) block.level());
      update(sha, block.text());
    }
    return sha.digest();
  }

  /**
   * The key of the diff from {@code from} to {@code to}: 64 bits of a SHA-256 of its inputs.
   *
   * @param fromDigest the {@link #digest} of version {@code from}'s text
   * @param toDigest the {@link #digest} of version {@code to}'s text
   */
  static long diff(byte[] fromDigest, byte[] toDigest, int from, int to, Instant fromTime,
      Instant toTime, boolean hasPrevious, boolean hasNext, boolean firstToLatest,
      String title, String sourceName) {
    MessageDigest sha = sha256();
    sha.update((byte) 'd');
    sha.update(fromDigest);
    sha.update(toDigest);
    sha.update(ByteBuffer.allocate(4 * 8).putInt(from).putInt(to)
        .putLong(fromTime.getEpochSecond()).putInt(fromTime.getNano())
        .putLong(toTime.getEpochSecond()).putInt(toTime.getNano()).array());
    sha.update((byte) ((hasPrevious ? 1 : 0) | (hasNext ? 2 : 0) | (firstToLatest ? 4 : 0)));
    update(sha, title);
    update(sha, sourceName);
    return ByteBuffer.wrap(sha.digest()).getLong();
  }

  /**
   * The key of the page of version {@code number}, as {@link #diff} for a diff: whether there
   * is a version before it follows from its number.
   */
  static long version(byte[] digest, int number, Instant firstSeen, boolean hasNext,
      String title, String sourceName) {
    MessageDigest sha = sha256();
    sha.update((byte) 'v');
    sha.update(digest);
    sha.update(ByteBuffer.allocate(4 + 8 + 4).putInt(number)
        .putLong(firstSeen.getEpochSecond()).putInt(firstSeen.getNano()).array());
    sha.update((byte) (hasNext ? 1 : 0));
    update(sha, title);
    update(sha, sourceName);
    return ByteBuffer.wrap(sha.digest()).getLong();
  }

  /** A string with its length first, so that no two sequences of strings read alike. */
  private static void update(MessageDigest sha, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
    sha.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
