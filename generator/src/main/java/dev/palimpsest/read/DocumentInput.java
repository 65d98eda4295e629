package dev.palimpsest.read;

import java.nio.file.Path;
import java.util.List;

/**
 * One tracked document as found on disk: its folder, output names, settings, and snapshot files
 * in capture-time order. Holds paths only; contents are read by the document stage.
 *
 * @param folder the document's folder
 * @param source the output name of its source
 * @param name its own output name (a safe slug of the folder name)
 * @param settings what its properties say
 * @param snapshots its usable snapshot files, oldest first, never empty
 * @param properties size and time of its document.properties, or {@link FileStamp#ABSENT}
 */
public record DocumentInput(Path folder, String source, String name, DocumentSettings settings,
    List<SnapshotFile> snapshots, FileStamp properties) {
  public DocumentInput {
    snapshots = List.copyOf(snapshots);
    if (snapshots.isEmpty()) {
      throw new IllegalArgumentException("a document needs at least one snapshot");
    }
  }

  /** The folder name as the user wrote it, the title of last resort. */
  public String folderName() {
    return folder.getFileName().toString();
  }
}
