package dev.palimpsest.cache;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The build cache's fields as big-endian bytes in memory: one call per field. A rebuild reads
 * and writes the whole cache (every document's summary and pages), and data streams over a
 * checked, buffered stream made several calls per byte.
 */
final class CacheBytes {
  private CacheBytes() {}

  /** Fields written into a growing array. */
  static final class Writer {
    private byte[] bytes = new byte[64 * 1024];
    private int size;

    private void room(int needed) {
      if (bytes.length - size < needed) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + needed));
      }
    }

    void ascii(String text) {
      byte[] encoded = text.getBytes(StandardCharsets.US_ASCII);
      room(encoded.length);
      System.arraycopy(encoded, 0, bytes, size, encoded.length);
      size += encoded.length;
    }

    void writeBoolean(boolean value) {
      writeByte((byte) (value ? 1 : 0));
    }

    void writeByte(byte value) {
      room(1);
      bytes[size++] = value;
    }

    void writeInt(int value) {
      room(4);
      bytes[size++] = (byte) (value >>> 24);
      bytes[size++] = (byte) (value >>> 16);
      bytes[size++] = (byte) (value >>> 8);
      bytes[size++] = (byte) value;
    }

    void writeLong(long value) {
      writeInt((int) (value >>> 32));
      writeInt((int) value);
    }

    /** UTF-8 after its length in bytes, of any length. */
    void writeString(String text) {
      byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
      writeInt(encoded.length);
      room(encoded.length);
      System.arraycopy(encoded, 0, bytes, size, encoded.length);
      size += encoded.length;
    }

    /**
     * UTF-8 after a two-byte length, as {@code DataOutput.writeUTF} writes ASCII: the cache's
     * generator version is written so whatever the format, so that a cache of another version
     * is told apart from a damaged one.
     */
    void writeShortString(String text) {
      byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
      if (encoded.length > 0xFFFF) {
        throw new IllegalArgumentException("too long for a short string: " + encoded.length);
      }
      room(2 + encoded.length);
      bytes[size++] = (byte) (encoded.length >>> 8);
      bytes[size++] = (byte) encoded.length;
      System.arraycopy(encoded, 0, bytes, size, encoded.length);
      size += encoded.length;
    }

    /** The array written so far; only its first {@link #size} bytes are the cache's. */
    byte[] bytes() {
      return bytes;
    }

    int size() {
      return size;
    }
  }

  /**
   * Fields read from an array. Reading past its end or a length out of range throws an
   * {@link IOException}, and the cache is then ignored as damaged.
   */
  static final class Reader {
    private final ByteBuffer buffer;

    Reader(byte[] bytes) {
      this.buffer = ByteBuffer.wrap(bytes);
    }

    String ascii(int length) throws IOException {
      return new String(take(length), StandardCharsets.US_ASCII);
    }

    boolean readBoolean() throws IOException {
      try {
        return buffer.get() != 0;
      } catch (BufferUnderflowException e) {
        throw truncated();
      }
    }

    int readInt() throws IOException {
      try {
        return buffer.getInt();
      } catch (BufferUnderflowException e) {
        throw truncated();
      }
    }

    long readLong() throws IOException {
      try {
        return buffer.getLong();
      } catch (BufferUnderflowException e) {
        throw truncated();
      }
    }

    /**
     * A count of items that take at least {@code bytesEach} bytes: one the rest of the array
     * cannot hold is damage, not a reason to allocate.
     */
    int readCount(int bytesEach) throws IOException {
      int count = readInt();
      if (count < 0 || count > buffer.remaining() / bytesEach) {
        throw new IOException("count " + count + " out of range");
      }
      return count;
    }

    String readString() throws IOException {
      int length = readInt();
      return utf8(length);
    }

    String readShortString() throws IOException {
      int length = ((readByte() & 0xFF) << 8) | (readByte() & 0xFF);
      return utf8(length);
    }

    byte readByte() throws IOException {
      try {
        return buffer.get();
      } catch (BufferUnderflowException e) {
        throw truncated();
      }
    }

    private String utf8(int length) throws IOException {
      if (length < 0 || length > buffer.remaining()) {
        throw new IOException("string length " + length + " out of range");
      }
      String text = new String(buffer.array(), buffer.position(), length, StandardCharsets.UTF_8);
      buffer.position(buffer.position() + length);
      return text;
    }

    private byte[] take(int length) throws IOException {
      if (length < 0 || length > buffer.remaining()) {
        throw truncated();
      }
      byte[] taken = new byte[length];
      buffer.get(taken);
      return taken;
    }

    private static IOException truncated() {
      return new IOException("ends too soon");
    }
  }
}
