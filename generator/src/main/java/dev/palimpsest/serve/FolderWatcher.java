package dev.palimpsest.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches folders and everything below them, and calls back once things have settled: a burst
 * of changes (a scraper writing twenty snapshots, an editor saving a template) gives one call,
 * made when no change has come for the quiet period. Calls come from one background thread,
 * one at a time.
 */
final class FolderWatcher implements AutoCloseable {
  private final WatchService service;
  private final Duration quiet;
  private final Consumer<Path> onChange;
  private final Thread thread;

  /**
   * @param folders the folders to watch, each with all its subfolders
   * @param quiet how long no change must come before {@code onChange} is called
   * @param onChange called with one of the changed paths
   */
  FolderWatcher(List<Path> folders, Duration quiet, Consumer<Path> onChange) throws IOException {
    this.quiet = Objects.requireNonNull(quiet);
    this.onChange = Objects.requireNonNull(onChange);
    this.service = FileSystems.getDefault().newWatchService();
    for (Path folder : folders) {
      registerTree(folder);
    }
    thread = new Thread(this::loop, "palimpsest-watch");
    thread.setDaemon(true);
    thread.start();
  }

  private void registerTree(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path dir : walk.filter(Files::isDirectory).toList()) {
        dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
      }
    }
  }

  private void loop() {
    try {
      while (true) {
        Path changed = take(service.take());
        // Wait for the burst to end: keep taking events until none comes for the quiet period.
        WatchKey next;
        while ((next = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
          Path more = take(next);
          changed = more == null ? changed : more;
        }
        if (changed != null) {
          onChange.accept(changed);
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The events of a key: new folders are watched too; returns a changed path or null. */
  private Path take(WatchKey key) {
    Path changed = null;
    Path dir = (Path) key.watchable();
    for (WatchEvent<?> event : key.pollEvents()) {
      if (!(event.context() instanceof Path name)) {
        changed = dir;
        continue;
      }
      changed = dir.resolve(name);
      if (event.kind() == ENTRY_CREATE && Files.isDirectory(changed)) {
        try {
          registerTree(changed);
        } catch (IOException e) {
          // The folder went away again; the change is still reported.
        }
      }
    }
    key.reset();
    return changed;
  }

  @Override
  public void close() throws IOException {
    thread.interrupt();
    service.close();
  }
}
