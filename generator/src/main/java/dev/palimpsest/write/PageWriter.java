package dev.palimpsest.write;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * Writes text to a file as UTF-8 through buffers that are kept for the next file. A build writes
 * tens of thousands of small pages; a new buffered writer for each allocated and cleared 24 KB of
 * buffers per page, a few percent of a build's time.
 *
 * <p>One is used by one thread at a time: {@link #open} it on a file's stream, write, and
 * {@link #close} it, which ends the file and leaves the buffers ready for the next. Text that is
 * not valid UTF-16 (a lone surrogate) fails the write, as with {@code Files.newBufferedWriter}.
 */
final class PageWriter extends Writer {
  private static final int CHARS = 8192;

  private final char[] chars = new char[CHARS];
  private final CharBuffer pending = CharBuffer.wrap(chars);
  // Room for every char of a full buffer at 3 bytes each: one encode never overflows it.
  private final ByteBuffer bytes = ByteBuffer.allocate(CHARS * 3);
  private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
  private int count;
  private OutputStream out;

  /** Starts writing a new file to {@code out}, which {@link #close} closes. */
  PageWriter open(OutputStream out) {
    if (this.out != null) {
      throw new IllegalStateException("already writing a file");
    }
    this.out = out;
    count = 0;
    bytes.clear(); // a file that failed may have left bytes
    encoder.reset();
    return this;
  }

  /** Whether a file is being written: the writer is not free for another. */
  boolean isOpen() {
    return out != null;
  }

  @Override
  public void write(int c) throws IOException {
    if (count == CHARS) {
      encode(false);
    }
    chars[count++] = (char) c;
  }

  @Override
  public void write(char[] source, int offset, int length) throws IOException {
    while (length > 0) {
      if (count == CHARS) {
        encode(false);
      }
      int n = Math.min(length, CHARS - count);
      System.arraycopy(source, offset, chars, count, n);
      count += n;
      offset += n;
      length -= n;
    }
  }

  @Override
  public void write(String source, int offset, int length) throws IOException {
    while (length > 0) {
      if (count == CHARS) {
        encode(false);
      }
      int n = Math.min(length, CHARS - count);
      source.getChars(offset, offset + n, chars, count);
      count += n;
      offset += n;
      length -= n;
    }
  }

  /**
   * Encodes the buffered chars and writes their bytes. Before the end, a high surrogate whose
   * low half is still to come stays in the buffer.
   */
  private void encode(boolean end) throws IOException {
    pending.limit(count).position(0);
    CoderResult result = encoder.encode(pending, bytes, end);
    if (result.isError()) {
      result.throwException();
    }
    if (end) {
      encoder.flush(bytes);
    }
    out.write(bytes.array(), 0, bytes.position());
    bytes.clear();
    int left = pending.remaining();
    System.arraycopy(chars, pending.position(), chars, 0, left);
    count = left;
  }

  /** Writes what is buffered; the file stays open. */
  @Override
  public void flush() throws IOException {
    encode(false);
    out.flush();
  }

  /** Ends the file: writes the rest, closes its stream, and frees this writer for another. */
  @Override
  public void close() throws IOException {
    if (out == null) {
      return;
    }
    try (OutputStream file = out) {
      encode(true);
    } finally {
      out = null;
    }
  }
}
