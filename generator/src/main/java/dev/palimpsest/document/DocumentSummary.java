package dev.palimpsest.document;

import dev.palimpsest.layout.SiteLayout;
import java.time.Instant;
import java.util.List;

/**
 * What the site stage knows of a document: small, whatever the size of its history.
 *
 * @param source its source's output name
 * @param name its output name
 * @param title its title
 * @param firstSeen capture time of its first version
 * @param lastChanged when its latest version was first seen
 * @param lastChecked its newest capture, changed or not
 * @param versions how many versions it has
 * @param frozen whether it is no longer checked
 * @param changes its changes, oldest first
 */
public record DocumentSummary(String source, String name, String title, Instant firstSeen,
    Instant lastChanged, Instant lastChecked, int versions, boolean frozen,
    List<ChangeSummary> changes) {
  public DocumentSummary {
    changes = List.copyOf(changes);
  }

  /** Its folder from the site root: "source/name/". */
  public String path() {
    return SiteLayout.documentFolder(source, name);
  }
}
