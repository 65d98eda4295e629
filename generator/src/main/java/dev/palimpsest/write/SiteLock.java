package dev.palimpsest.write;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A lock on an output folder, a {@code .<name>.lock} file beside it, that keeps two builds from
 * writing the same site at once.
 */
final class SiteLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private SiteLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks {@code out}, making its parent folder if need be. The lock file stays when the lock
   * is released: deleting it would let a build that had just opened it lock a file no other
   * build sees.
   *
   * @throws IOException when another build holds the lock
   */
  static SiteLock acquire(Path out) throws IOException {
    Path target = out.toAbsolutePath().normalize();
    Path parent = target.getParent();
    Files.createDirectories(parent);
    FileChannel channel = FileChannel.open(parent.resolve("." + target.getFileName() + ".lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw new IOException("another build is writing " + out + " right now");
    }
    return new SiteLock(channel, lock);
  }

  /** Lets other builds in. */
  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
