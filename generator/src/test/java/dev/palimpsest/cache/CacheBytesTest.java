package dev.palimpsest.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CacheBytesTest {

  private static byte[] written(CacheBytes.Writer out) {
    return Arrays.copyOf(out.bytes(), out.size());
  }

  @Test
  void readsBackEveryFieldAsWritten() throws IOException {
    CacheBytes.Writer out = new CacheBytes.Writer();
    String long70k = "ü€".repeat(35_000);
    out.ascii("magic");
    out.writeInt(-7);
    out.writeShortString("version-1");
    out.writeLong(Long.MIN_VALUE + 3);
    out.writeBoolean(true);
    out.writeBoolean(false);
    out.writeString("");
    out.writeString("Straße 😀 \u0000 end");
    out.writeString(long70k);
    out.writeInt(Integer.MAX_VALUE);

    CacheBytes.Reader in = new CacheBytes.Reader(written(out));
    assertEquals("magic", in.ascii(5));
    assertEquals(-7, in.readInt());
    assertEquals("version-1", in.readShortString());
    assertEquals(Long.MIN_VALUE + 3, in.readLong());
    assertTrue(in.readBoolean());
    assertFalse(in.readBoolean());
    assertEquals("", in.readString());
    assertEquals("Straße 😀 \u0000 end", in.readString());
    assertEquals(long70k, in.readString(), "a string longer than writeUTF's 64 KB");
    assertEquals(Integer.MAX_VALUE, in.readInt());
    assertThrows(IOException.class, in::readInt, "nothing left");
  }

  @Test
  void growsPastItsFirstArray() throws IOException {
    CacheBytes.Writer out = new CacheBytes.Writer();
    for (int i = 0; i < 100_000; i++) {
      out.writeInt(i);
    }
    assertEquals(400_000, out.size());
    CacheBytes.Reader in = new CacheBytes.Reader(written(out));
    for (int i = 0; i < 100_000; i++) {
      assertEquals(i, in.readInt());
    }
  }

  @Test
  void aCutOrDamagedArrayThrowsAnIoExceptionNeverAnotherError() {
    CacheBytes.Writer out = new CacheBytes.Writer();
    out.writeShortString("version");
    out.writeString("a string of some length");
    out.writeLong(42);
    out.writeInt(3);
    byte[] whole = written(out);
    for (int length = 0; length < whole.length; length++) {
      CacheBytes.Reader in = new CacheBytes.Reader(Arrays.copyOf(whole, length));
      assertThrows(IOException.class, () -> {
        in.readShortString();
        in.readString();
        in.readLong();
        in.readCount(1);
      }, "cut at " + length);
    }
  }

  @Test
  void aLengthOrCountBeyondTheArrayIsDamage() {
    CacheBytes.Writer out = new CacheBytes.Writer();
    out.writeInt(1_000_000);
    out.writeInt(-1);
    byte[] bytes = written(out);
    assertThrows(IOException.class, () -> new CacheBytes.Reader(bytes).readString());
    assertThrows(IOException.class, () -> new CacheBytes.Reader(bytes).readCount(1));
    CacheBytes.Reader negative = new CacheBytes.Reader(bytes);
    assertThrows(IOException.class, () -> {
      negative.readInt();
      negative.readString();
    });
  }
}
