package dev.palimpsest.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageWriterTest {
  /** Text of every width in UTF-8, a pair of surrogates among it, longer than the buffers. */
  static String text(int length) {
    StringBuilder text = new StringBuilder();
    String[] pieces = {"a", "é", "→", "😀", " words ", "\n"};
    for (int i = 0; text.length() < length; i++) {
      text.append(pieces[i % pieces.length]);
    }
    return text.toString();
  }

  @Test
  void writesUtf8AcrossBufferBoundariesAndSplitSurrogatePairs() throws IOException {
    PageWriter writer = new PageWriter();
    // Each length and each way of writing puts the buffer's end at a different char.
    for (int length : new int[] {0, 1, 8191, 8192, 8193, 20_000, 50_001}) {
      String text = text(length);
      for (int way = 0; way < 3; way++) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PageWriter page = writer.open(out)) {
          for (int i = 0; i < text.length(); ) {
            int n = Math.min(text.length() - i, 1 + (i * 7 + way) % 700);
            switch (way) {
              case 0 -> page.write(text, i, n);
              case 1 -> page.write(text.toCharArray(), i, n);
              default -> {
                for (int j = i; j < i + n; j++) {
                  page.write(text.charAt(j));
                }
              }
            }
            i += n;
          }
        }
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), out.toByteArray(),
            "length " + length + ", way " + way);
      }
    }
  }

  @Test
  void aLoneSurrogateFailsTheFileAndTheWriterServesTheNext() throws IOException {
    PageWriter writer = new PageWriter();
    assertThrows(CharacterCodingException.class, () -> {
      try (PageWriter page = writer.open(new ByteArrayOutputStream())) {
        page.write("before \uD800 after");
      }
    });
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PageWriter page = writer.open(out)) {
      page.write("next page");
    }
    assertArrayEquals("next page".getBytes(StandardCharsets.UTF_8), out.toByteArray());
  }

  @Test
  void aWriterInUseIsNotOpenedAgain() throws IOException {
    PageWriter writer = new PageWriter().open(new ByteArrayOutputStream());
    assertTrue(writer.isOpen());
    assertThrows(IllegalStateException.class, () -> writer.open(new ByteArrayOutputStream()));
    writer.close();
  }
}
