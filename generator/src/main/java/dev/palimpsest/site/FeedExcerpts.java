package dev.palimpsest.site;

import dev.palimpsest.document.DocumentStage;
import dev.palimpsest.site.SiteStage.Change;
import dev.palimpsest.write.SiteOutput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The feed excerpts of the few changes the site and source feeds republish, read back from the
 * document feeds of the site being built. Summaries carry no excerpts, so the site stage holds
 * only these, whatever the size of the corpus.
 */
final class FeedExcerpts {
  private static final XMLInputFactory XML = XMLInputFactory.newFactory();

  static {
    // The feeds are our own, but a reader of XML never fetches or expands what it is told to.
    XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  private final SiteOutput out;
  // Excerpts read so far, by feed id: a source feed's entries are mostly the site feed's too.
  // Feeds are written side by side, so two may read the same document feed at once.
  private final Map<String, String> known = new ConcurrentHashMap<>();

  FeedExcerpts(SiteOutput out) {
    this.out = out;
  }

  /**
   * The excerpts of {@code changes} (and of those asked for before), by feed id; each document's
   * feed is read at most once per call, and not at all when its excerpts are known.
   */
  Map<String, String> of(List<Change> changes) throws IOException {
    Map<String, Set<String>> missingByFeed = new LinkedHashMap<>();
    for (Change change : changes) {
      String id = DocumentStage.feedId(change.document(), change.change());
      if (!known.containsKey(id)) {
        missingByFeed.computeIfAbsent(DocumentStage.feedPath(change.document()),
            f -> new HashSet<>()).add(id);
      }
    }
    for (Map.Entry<String, Set<String>> feed : missingByFeed.entrySet()) {
      read(feed.getKey(), feed.getValue());
      for (String id : feed.getValue()) {
        if (!known.containsKey(id)) {
          throw new IOException(feed.getKey() + " has no entry " + id);
        }
      }
    }
    return known;
  }

  /**
   * Reads the descriptions of the items of the RSS feed at {@code path} whose guid is one of
   * {@code ids}. A streaming read of a feed this generator wrote: a full feed parser costs
   * several times as much, and the site stage reads hundreds of these.
   */
  private void read(String path, Set<String> ids) throws IOException {
    XMLStreamReader xml = null;
    try {
      xml = XML.createXMLStreamReader(new ByteArrayInputStream(out.read(path)));
      String guid = null;
      String description = null;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          switch (xml.getLocalName()) {
            case "item" -> {
              guid = null;
              description = null;
            }
            case "guid" -> guid = xml.getElementText();
            case "description" -> description = xml.getElementText();
            default -> { }
          }
        } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("item")
            && guid != null && description != null && ids.contains(guid)) {
          known.put(guid, description);
        }
      }
    } catch (XMLStreamException e) {
      throw new IOException(path + " is not a readable feed: " + e.getMessage(), e);
    } finally {
      if (xml != null) {
        try {
          xml.close();
        } catch (XMLStreamException e) {
          // Nothing to release: the bytes are in memory.
        }
      }
    }
  }
}
