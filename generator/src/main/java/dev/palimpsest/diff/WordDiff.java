package dev.palimpsest.diff;

import com.github.difflib.algorithm.Change;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import dev.palimpsest.diff.Segment.Mark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares two texts word by word (see {@link Tokens} for what a word is).
 *
 * <pre>{@code
 * InlineDiff d = WordDiff.compare("19 dead", "21 dead");
 * d.oldSegments();  // ["19" REMOVED, " dead" SAME]
 * d.newSegments();  // ["21" ADDED, " dead" SAME]
 * }</pre>
 *
 * <p>Whitespace or a lone punctuation mark between two changes is shown as part of one change
 * ("quick brown" removed, "slow red" added) rather than as alternating words. A pair too large to
 * compare word by word in well under a second is compared sentence by sentence first, then word
 * by word inside each changed run of sentences. Where even that would be too costly (texts with
 * few sentences in common, or a changed run too long), the run is compared coarsely: marked
 * wholly removed and added, and {@link InlineDiff#coarse()} is true, which the page says.
 *
 * <p>Pure and thread-safe.
 */
public final class WordDiff {
  /**
   * Most tokens, old and new middles together, compared word by word. Linear-space Myers costs
   * about (n + m) * d with d up to n + m, so the bound is on the sum, not the product: a product
   * bound lets a long text against a short unrelated one (20,000 x 1,250 tokens) take a second,
   * while 10,000 tokens in all take at most about a quarter of a second.
   */
  static final int MAX_MIDDLE_TOKENS = 10_000;

  /**
   * Most sentences, old and new together, that have no equal on the other side for a sentence
   * level comparison to be tried: the sentence diff costs about sentences times this.
   */
  static final int MAX_UNMATCHED_SENTENCES = 4_000;

  /** Most tokens compared word by word in all the changed sentence runs of one pair. */
  static final int MAX_FINE_TOKENS = 200_000;

  /**
   * A stretch without sentence ends is cut after a word whose hash is a multiple of this once
   * it is {@link #MIN_CHUNK_TOKENS} long: cuts that depend on the text, not on positions, so an
   * insertion shifts no later cut.
   */
  private static final int CHUNK_HASH_MODULUS = 16;
  private static final int MIN_CHUNK_TOKENS = 48;
  private static final int MAX_CHUNK_TOKENS = 2_000;

  private WordDiff() {
  }

  /**
   * Compares two texts. The old segments join to {@code oldText} exactly and are marked SAME or
   * REMOVED; the new segments join to {@code newText} and are marked SAME or ADDED.
   */
  public static InlineDiff compare(String oldText, String newText) {
    Objects.requireNonNull(oldText, "oldText must not be null");
    Objects.requireNonNull(newText, "newText must not be null");
    List<String> oldTokens = Tokens.split(oldText);
    List<String> newTokens = Tokens.split(newText);

    int prefix = commonPrefix(oldTokens, newTokens);
    int suffix = commonSuffix(oldTokens, newTokens, prefix);
    Hunk middle = new Hunk(prefix, oldTokens.size() - suffix, prefix, newTokens.size() - suffix);

    boolean coarse = false;
    List<Hunk> hunks;
    if (middle.isEmpty()) {
      hunks = List.of();
    } else if (middle.oldLength() == 0 || middle.newLength() == 0) {
      hunks = List.of(middle);
    } else if (tooLarge(middle)) {
      boolean[] wholesale = new boolean[1];
      hunks = absorbGlue(oldTokens, bySentence(oldTokens, newTokens, middle, wholesale));
      coarse = wholesale[0];
    } else {
      hunks = absorbGlue(oldTokens, diff(oldTokens, newTokens, middle));
    }
    return toInlineDiff(oldText, oldTokens, newText, newTokens, hunks, coarse);
  }

  // The loops over common tokens are methods of their own: inside compare, a long text made
  // the JIT compile all of compare again just to speed up a running loop, several times a build.

  /** How many tokens the two lists start with in common. */
  private static int commonPrefix(List<String> oldTokens, List<String> newTokens) {
    int shorter = Math.min(oldTokens.size(), newTokens.size());
    int prefix = 0;
    while (prefix < shorter && oldTokens.get(prefix).equals(newTokens.get(prefix))) {
      prefix++;
    }
    return prefix;
  }

  /** How many tokens the two lists end with in common, not counting the first {@code prefix}. */
  private static int commonSuffix(List<String> oldTokens, List<String> newTokens, int prefix) {
    int shorter = Math.min(oldTokens.size(), newTokens.size());
    int suffix = 0;
    while (suffix < shorter - prefix && oldTokens.get(oldTokens.size() - 1 - suffix)
        .equals(newTokens.get(newTokens.size() - 1 - suffix))) {
      suffix++;
    }
    return suffix;
  }

  private static boolean tooLarge(Hunk middle) {
    return middle.oldLength() + middle.newLength() > MAX_MIDDLE_TOKENS;
  }

  /**
   * The changed stretches inside a {@code middle} too large for a word diff: sentences are
   * aligned first, then each changed run of sentences is compared word by word when small
   * enough, else marked whole (and {@code coarse[0]} set).
   */
  private static List<Hunk> bySentence(List<String> oldTokens, List<String> newTokens,
      Hunk middle, boolean[] coarse) {
    int[] oldCuts = sentenceCuts(oldTokens, middle.oldStart(), middle.oldEnd());
    int[] newCuts = sentenceCuts(newTokens, middle.newStart(), middle.newEnd());
    List<String> oldSentences = sentences(oldTokens, oldCuts);
    List<String> newSentences = sentences(newTokens, newCuts);
    if (unmatched(oldSentences, newSentences) > MAX_UNMATCHED_SENTENCES) {
      coarse[0] = true;
      return List.of(middle);
    }
    List<Change> changes = new MyersDiffWithLinearSpace<String>().computeDiff(oldSentences,
        newSentences, null);
    List<Hunk> runs = new ArrayList<>();
    for (Change change : changes) {
      Hunk run = new Hunk(oldCuts[change.startOriginal], oldCuts[change.endOriginal],
          newCuts[change.startRevised], newCuts[change.endRevised]);
      Hunk last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
      if (last != null && last.oldEnd() == run.oldStart() && last.newEnd() == run.newStart()) {
        runs.set(runs.size() - 1, last.through(run));
      } else {
        runs.add(run);
      }
    }
    List<Hunk> hunks = new ArrayList<>();
    int budget = MAX_FINE_TOKENS;
    for (Hunk run : runs) {
      int size = run.oldLength() + run.newLength();
      if (!run.replaces()) {
        hunks.add(run);
      } else if (size <= MAX_MIDDLE_TOKENS && size <= budget) {
        budget -= size;
        hunks.addAll(diff(oldTokens, newTokens, run));
      } else {
        coarse[0] = true;
        hunks.add(run);
      }
    }
    return hunks;
  }

  /** Token indices where sentences start in [from, to), then {@code to}. */
  private static int[] sentenceCuts(List<String> tokens, int from, int to) {
    List<Integer> cuts = new ArrayList<>();
    cuts.add(from);
    int start = from;
    for (int i = from; i < to; i++) {
      String token = tokens.get(i);
      int length = i + 1 - start;
      boolean cut;
      if (token.isBlank()) {
        String previous = i > start ? tokens.get(i - 1) : "";
        cut = previous.equals(".") || previous.equals("!") || previous.equals("?")
            || length >= MIN_CHUNK_TOKENS
            && Math.floorMod(previous.hashCode(), CHUNK_HASH_MODULUS) == 0;
      } else {
        cut = token.equals("\u3002") || token.equals("\uFF01") || token.equals("\uFF1F");
      }
      if ((cut || length >= MAX_CHUNK_TOKENS) && i + 1 < to) {
        cuts.add(i + 1);
        start = i + 1;
      }
    }
    cuts.add(to);
    int[] array = new int[cuts.size()];
    for (int k = 0; k < array.length; k++) {
      array[k] = cuts.get(k);
    }
    return array;
  }

  private static List<String> sentences(List<String> tokens, int[] cuts) {
    List<String> sentences = new ArrayList<>(cuts.length - 1);
    for (int k = 0; k + 1 < cuts.length; k++) {
      sentences.add(String.join("", tokens.subList(cuts[k], cuts[k + 1])));
    }
    return sentences;
  }

  /** How many sentences, of both sides, have no equal sentence on the other side. */
  private static int unmatched(List<String> oldSentences, List<String> newSentences) {
    Map<String, Integer> counts = new HashMap<>();
    for (String sentence : oldSentences) {
      counts.merge(sentence, 1, Integer::sum);
    }
    int shared = 0;
    for (String sentence : newSentences) {
      Integer left = counts.get(sentence);
      if (left != null && left > 0) {
        counts.put(sentence, left - 1);
        shared++;
      }
    }
    return oldSentences.size() + newSentences.size() - 2 * shared;
  }

  /** The changed stretches inside {@code middle}, in order, with touching ones merged. */
  private static List<Hunk> diff(List<String> oldTokens, List<String> newTokens, Hunk middle) {
    List<Change> changes = new MyersDiffWithLinearSpace<String>().computeDiff(
        oldTokens.subList(middle.oldStart(), middle.oldEnd()),
        newTokens.subList(middle.newStart(), middle.newEnd()), null);
    List<Hunk> hunks = new ArrayList<>();
    for (Change change : changes) {
      Hunk hunk = new Hunk(middle.oldStart() + change.startOriginal,
          middle.oldStart() + change.endOriginal, middle.newStart() + change.startRevised,
          middle.newStart() + change.endRevised);
      Hunk last = hunks.isEmpty() ? null : hunks.get(hunks.size() - 1);
      if (last != null && last.oldEnd() == hunk.oldStart() && last.newEnd() == hunk.newStart()) {
        hunks.set(hunks.size() - 1, last.through(hunk));
      } else {
        hunks.add(hunk);
      }
    }
    return hunks;
  }

  /**
   * Merges two hunks that both replace text when only glue (whitespace, or one punctuation mark
   * with spaces) lies between them, so a reader sees "quick brown" replaced by "slow red" instead
   * of word, space, word.
   */
  private static List<Hunk> absorbGlue(List<String> oldTokens, List<Hunk> hunks) {
    List<Hunk> merged = new ArrayList<>(hunks.size());
    for (Hunk hunk : hunks) {
      Hunk last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && last.replaces() && hunk.replaces()
          && isGlue(oldTokens.subList(last.oldEnd(), hunk.oldStart()))) {
        merged.set(merged.size() - 1, last.through(hunk));
      } else {
        merged.add(hunk);
      }
    }
    return merged;
  }

  private static boolean isGlue(List<String> tokens) {
    int punctuation = 0;
    for (String token : tokens) {
      if (Tokens.isWord(token)) {
        return false;
      }
      if (!token.isBlank()) {
        punctuation++;
      }
    }
    return punctuation <= 1;
  }

  private static InlineDiff toInlineDiff(String oldText, List<String> oldTokens, String newText,
      List<String> newTokens, List<Hunk> hunks, boolean coarse) {
    int[] oldOffsets = offsets(oldTokens);
    int[] newOffsets = offsets(newTokens);
    SegmentList oldSegments = new SegmentList();
    SegmentList newSegments = new SegmentList();
    int wordsRemoved = 0;
    int wordsAdded = 0;
    int oldAt = 0;
    int newAt = 0;
    for (Hunk hunk : hunks) {
      oldSegments.add(oldText.substring(oldOffsets[oldAt], oldOffsets[hunk.oldStart()]), Mark.SAME);
      newSegments.add(newText.substring(newOffsets[newAt], newOffsets[hunk.newStart()]), Mark.SAME);
      oldSegments.add(oldText.substring(oldOffsets[hunk.oldStart()], oldOffsets[hunk.oldEnd()]),
          Mark.REMOVED);
      newSegments.add(newText.substring(newOffsets[hunk.newStart()], newOffsets[hunk.newEnd()]),
          Mark.ADDED);
      wordsRemoved += Tokens.countWords(oldTokens.subList(hunk.oldStart(), hunk.oldEnd()));
      wordsAdded += Tokens.countWords(newTokens.subList(hunk.newStart(), hunk.newEnd()));
      oldAt = hunk.oldEnd();
      newAt = hunk.newEnd();
    }
    oldSegments.add(oldText.substring(oldOffsets[oldAt]), Mark.SAME);
    newSegments.add(newText.substring(newOffsets[newAt]), Mark.SAME);
    return new InlineDiff(oldSegments.segments, newSegments.segments, wordsAdded, wordsRemoved,
        coarse);
  }

  /** Where each token starts in its text, plus the text's length at the end. */
  private static int[] offsets(List<String> tokens) {
    int[] offsets = new int[tokens.size() + 1];
    for (int i = 0; i < tokens.size(); i++) {
      offsets[i + 1] = offsets[i] + tokens.get(i).length();
    }
    return offsets;
  }

  /** Token ranges [start, end) of the old and new text that differ. */
  private record Hunk(int oldStart, int oldEnd, int newStart, int newEnd) {
    int oldLength() {
      return oldEnd - oldStart;
    }

    int newLength() {
      return newEnd - newStart;
    }

    boolean isEmpty() {
      return oldLength() == 0 && newLength() == 0;
    }

    /** True when the hunk both removes and adds text. */
    boolean replaces() {
      return oldLength() > 0 && newLength() > 0;
    }

    /** This hunk extended to the end of a later one, swallowing what lies between. */
    Hunk through(Hunk later) {
      return new Hunk(oldStart, later.oldEnd, newStart, later.newEnd);
    }
  }

  /** Segments of one side, merging neighbours with the same mark and skipping empty text. */
  private static final class SegmentList {
    private final List<Segment> segments = new ArrayList<>();

    void add(String text, Mark mark) {
      if (text.isEmpty()) {
        return;
      }
      int last = segments.size() - 1;
      if (last >= 0 && segments.get(last).mark() == mark) {
        segments.set(last, new Segment(segments.get(last).text() + text, mark));
      } else {
        segments.add(new Segment(text, mark));
      }
    }
  }
}
