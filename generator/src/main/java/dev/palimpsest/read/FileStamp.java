package dev.palimpsest.read;

import java.nio.file.attribute.BasicFileAttributes;

/**
 * Size and modification time of an input file as the scan found it, or {@link #ABSENT}. A build
 * cache compares them to tell, without reading a file, that it has not changed.
 */
public record FileStamp(long size, long modifiedMillis) {
  /** No such file. */
  public static final FileStamp ABSENT = new FileStamp(-1, -1);

  static FileStamp of(BasicFileAttributes attributes) {
    return new FileStamp(attributes.size(), attributes.lastModifiedTime().toMillis());
  }

  /** As a fingerprint records it. */
  public String text() {
    return equals(ABSENT) ? "absent" : size + ":" + modifiedMillis;
  }
}
