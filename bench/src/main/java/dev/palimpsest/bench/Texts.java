package dev.palimpsest.bench;

import java.util.Random;

/** Made-up terms-of-service sentences for the pathological benchmarks. */
final class Texts {
  private static final String[] WORDS = ("we you your data terms service account may must not "
      + "share collect use delete law court Ireland privacy cookies ads partners rights content "
      + "licence notice change remain agree provide").split(" ");

  private Texts() {}

  static String sentence(Random random) {
    int words = 5 + random.nextInt(20);
    StringBuilder text = new StringBuilder(WORDS[random.nextInt(WORDS.length)]);
    for (int i = 1; i < words; i++) {
      text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
      if (random.nextInt(12) == 0) {
        text.append(',');
      }
    }
    return text.append(random.nextInt(10) == 0 ? "?" : ".").toString();
  }

  static String changeHalfTheWords(Random random, String text) {
    String[] words = text.split(" ");
    for (int w = 0; w < words.length; w++) {
      if (random.nextBoolean()) {
        words[w] = WORDS[random.nextInt(WORDS.length)];
      }
    }
    return String.join(" ", words);
  }
}
