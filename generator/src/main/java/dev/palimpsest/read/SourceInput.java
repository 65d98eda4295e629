package dev.palimpsest.read;

import java.nio.file.Path;
import java.util.List;

/**
 * One source (a site, an organisation) and its documents.
 *
 * @param folder the source's folder
 * @param name its output name
 * @param displayName {@code name} from source.properties, else the folder name
 * @param url {@code url} from source.properties, or {@code null}
 * @param description {@code description} from source.properties, or {@code null}
 * @param documents its documents in output-name order
 * @param properties size and time of its source.properties, or {@link FileStamp#ABSENT}
 */
public record SourceInput(Path folder, String name, String displayName, String url,
    String description, List<DocumentInput> documents, FileStamp properties) {
  public SourceInput {
    documents = List.copyOf(documents);
  }
}
