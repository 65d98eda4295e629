package dev.palimpsest.site;

import dev.palimpsest.document.ChangeSummary;
import dev.palimpsest.document.DocumentSummary;
import dev.palimpsest.render.TimeText;
import dev.palimpsest.site.SiteStage.Change;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code changes.json}, in the SPEC's shape, laid out as Jackson's default pretty printer lays
 * it out. Written by hand into a byte buffer, each document's fields escaped once for all of its
 * changes: a large site's file is tens of megabytes, written again by every rebuild, and
 * Jackson's generator, run cold, was most of the site stage of a rebuild after one new capture.
 */
final class ChangesJson {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private byte[] buffer;
  private int size;
  private final OutputStream out;

  private ChangesJson(OutputStream out, int capacity) {
    this.out = out;
    this.buffer = new byte[capacity];
  }

  /** Writes every change, newest first as given, and "now" as the time it was generated. */
  static void write(List<Change> changes, Instant now, OutputStream out) throws IOException {
    ChangesJson json = new ChangesJson(out, 64 * 1024);
    json.ascii("{\n  \"generated\" : ");
    json.time(now);
    json.ascii(",\n  \"changes\" : [ ");
    if (changes.isEmpty()) {
      json.ascii("]\n}\n");
    } else {
      Map<DocumentSummary, Fields> fields = new IdentityHashMap<>();
      boolean first = true;
      for (Change change : changes) {
        json.ascii(first ? "{\n" : ", {\n");
        first = false;
        json.change(change.change(), fields.computeIfAbsent(change.document(), Fields::of));
      }
      json.ascii(" ]\n}\n");
    }
    json.flush();
  }

  /**
   * What a document's changes share, written once: the fields up to the value of "from", and
   * the start of the value of "diff" (the document's folder).
   */
  private record Fields(byte[] head, byte[] folder) {
    static Fields of(DocumentSummary document) {
      ChangesJson json = new ChangesJson(null, 256);
      json.ascii("    \"source\" : ");
      json.string(document.source());
      json.ascii(",\n    \"document\" : ");
      json.string(document.name());
      json.ascii(",\n    \"title\" : ");
      json.string(document.title());
      json.ascii(",\n    \"from\" : ");
      byte[] head = Arrays.copyOf(json.buffer, json.size);
      json.size = 0;
      json.string(document.path());
      // Without the closing quote: the diff's own path follows.
      return new Fields(head, Arrays.copyOf(json.buffer, json.size - 1));
    }
  }

  /**
   * One change. A method of its own, as the JVM compiles a method called often long before a
   * loop run often: a rebuild writes this file once, and the loop would run interpreted.
   */
  private void change(ChangeSummary change, Fields fields) throws IOException {
    bytes(fields.head());
    number(change.from());
    ascii(",\n    \"to\" : ");
    number(change.to());
    ascii(",\n    \"from_time\" : ");
    time(change.fromTime());
    ascii(",\n    \"to_time\" : ");
    time(change.toTime());
    ascii(",\n    \"words_added\" : ");
    number(change.wordsAdded());
    ascii(",\n    \"words_removed\" : ");
    number(change.wordsRemoved());
    ascii(",\n    \"moved_blocks\" : ");
    number(change.movedBlocks());
    ascii(",\n    \"diff\" : ");
    bytes(fields.folder());
    // ChangeSummary.diffPath(), digit by digit: no string made for each change.
    ascii("diffs/");
    number(change.from());
    ascii("-");
    number(change.to());
    ascii(".html\"\n  }");
    if (size > buffer.length / 2) {
      flush();
    }
  }

  private void room(int needed) {
    if (buffer.length - size < needed) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + needed));
    }
  }

  /** Text known to be ASCII with nothing to escape. */
  private void ascii(String text) {
    int length = text.length();
    room(length);
    for (int i = 0; i < length; i++) {
      buffer[size++] = (byte) text.charAt(i);
    }
  }

  private void bytes(byte[] bytes) {
    room(bytes.length);
    System.arraycopy(bytes, 0, buffer, size, bytes.length);
    size += bytes.length;
  }

  /** A number in decimal: counts and version numbers, never negative. */
  private void number(int value) {
    if (value < 0) {
      ascii(Integer.toString(value));
      return;
    }
    room(10);
    int digits = 1;
    for (int rest = value / 10; rest > 0; rest /= 10) {
      digits++;
    }
    for (int i = size + digits - 1; i >= size; i--) {
      buffer[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    size += digits;
  }

  private void time(Instant time) {
    room(TimeText.ISO_LENGTH + 2);
    buffer[size++] = '"';
    if (TimeText.iso(time, buffer, size)) {
      size += TimeText.ISO_LENGTH;
    } else {
      ascii(TimeText.iso(time));
    }
    buffer[size++] = '"';
  }

  /**
   * A JSON string in UTF-8, escaped as Jackson escapes it: quotes, backslashes and control
   * characters (the common ones by their short forms), and characters outside the Basic
   * Multilingual Plane as their two surrogates.
   */
  private void string(String text) {
    int length = text.length();
    room(length * 6 + 2);
    buffer[size++] = '"';
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        if (c == '"' || c == '\\') {
          buffer[size++] = '\\';
          buffer[size++] = (byte) c;
        } else if (c < 0x20) {
          escape(c);
        } else {
          buffer[size++] = (byte) c;
        }
      } else if (c < 0x800) {
        buffer[size++] = (byte) (0xC0 | c >> 6);
        buffer[size++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isSurrogate(c)) {
        unicodeEscape(c);
      } else {
        buffer[size++] = (byte) (0xE0 | c >> 12);
        buffer[size++] = (byte) (0x80 | c >> 6 & 0x3F);
        buffer[size++] = (byte) (0x80 | c & 0x3F);
      }
    }
    buffer[size++] = '"';
  }

  /** A control character: its short form where JSON has one, else its code. */
  private void escape(char c) {
    char shortForm = switch (c) {
      case '\b' -> 'b';
      case '\t' -> 't';
      case '\n' -> 'n';
      case '\f' -> 'f';
      case '\r' -> 'r';
      default -> 0;
    };
    if (shortForm == 0) {
      unicodeEscape(c);
    } else {
      buffer[size++] = '\\';
      buffer[size++] = (byte) shortForm;
    }
  }

  private void unicodeEscape(char c) {
    buffer[size++] = '\\';
    buffer[size++] = 'u';
    buffer[size++] = HEX[c >> 12 & 0xF];
    buffer[size++] = HEX[c >> 8 & 0xF];
    buffer[size++] = HEX[c >> 4 & 0xF];
    buffer[size++] = HEX[c & 0xF];
  }

  private void flush() throws IOException {
    out.write(buffer, 0, size);
    size = 0;
  }
}
