package dev.palimpsest.document;

/** Change sizes in words, as pages and feeds say them. */
final class Counts {
  private Counts() {}

  /** "12 words added, 3 removed, 1 paragraph moved." */
  static String sentence(int added, int removed, int moved) {
    StringBuilder text = new StringBuilder()
        .append(added).append(added == 1 ? " word" : " words").append(" added, ")
        .append(removed).append(" removed");
    if (moved > 0) {
      text.append(", ").append(moved).append(moved == 1 ? " paragraph" : " paragraphs")
          .append(" moved");
    }
    return text.append('.').toString();
  }
}
