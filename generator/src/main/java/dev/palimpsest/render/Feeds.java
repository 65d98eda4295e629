package dev.palimpsest.render;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * Writes RSS 2.0 and Atom 1.0 feeds of changes with Rome. Entry links are absolute under the
 * base URL when there is one, else relative to the feed's own folder.
 */
public final class Feeds {
  /** What feed entries may contain: simple text markup and the change marks, nothing active. */
  private static final Safelist ENTRY_HTML = Safelist.basic().addTags("del", "ins")
      .removeTags("a");
  /** Cleaned HTML keeps its spacing and line breaks, so that cleaning it again changes nothing. */
  private static final Document.OutputSettings ENTRY_OUTPUT = new Document.OutputSettings()
      .prettyPrint(false);

  private static final XMLInputFactory XML = XMLInputFactory.newFactory();

  static {
    // The feeds are our own, but a reader of XML never fetches or expands what it is told to.
    XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  private final URI baseUrl;
  private final String author;

  /**
   * @param baseUrl the site's address ending in "/", or {@code null}
   * @param author the name feeds give as author (Atom requires one)
   */
  public Feeds(URI baseUrl, String author) {
    this.baseUrl = baseUrl;
    this.author = author;
  }

  /**
   * A feed.
   *
   * @param title the feed's title, plain text
   * @param description what it follows, plain text
   * @param feedPath the feed's own path from the site root ("a/b/feed.xml")
   * @param pagePath the page it belongs to ("a/b/index.html")
   * @param entries newest first
   * @param atom Atom 1.0 when true, else RSS 2.0
   * @param out where the feed's XML goes (UTF-8 when it is a file: the XML says so)
   * @throws IOException when {@code out} cannot be written
   */
  public void write(String title, String description, String feedPath, String pagePath,
      List<FeedEntry> entries, java.time.Instant updated, boolean atom, Writer out)
      throws IOException {
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType(atom ? "atom_1.0" : "rss_2.0");
    feed.setTitle(title);
    feed.setDescription(description);
    feed.setLink(link(feedPath, pagePath));
    feed.setUri("urn:palimpsest:feed:" + feedPath);
    feed.setPublishedDate(Date.from(updated));
    feed.setAuthors(List.of(person()));
    if (baseUrl != null) {
      SyndLink self = new SyndLinkImpl();
      self.setRel("self");
      self.setHref(baseUrl.resolve(feedPath).toString());
      self.setType(atom ? "application/atom+xml" : "application/rss+xml");
      List<SyndLink> links = new ArrayList<>();
      SyndLink alternate = new SyndLinkImpl();
      alternate.setRel("alternate");
      alternate.setType("text/html");
      alternate.setHref(link(feedPath, pagePath));
      links.add(alternate);
      links.add(self);
      feed.setLinks(links);
    }
    List<SyndEntry> syndEntries = new ArrayList<>();
    for (FeedEntry entry : entries) {
      SyndEntry syndEntry = new SyndEntryImpl();
      syndEntry.setTitle(entry.title());
      syndEntry.setLink(link(feedPath, entry.sitePath()));
      syndEntry.setUri(entry.id());
      syndEntry.setPublishedDate(Date.from(entry.time()));
      syndEntry.setUpdatedDate(Date.from(entry.time()));
      syndEntry.setAuthors(List.of(person()));
      SyndContent content = new SyndContentImpl();
      content.setType("text/html");
      content.setValue(entry.html());
      syndEntry.setDescription(content);
      syndEntries.add(syndEntry);
    }
    feed.setEntries(syndEntries);
    try {
      // Straight to the file: a feed as one string cost more to build and encode than to write.
      new SyndFeedOutput().output(feed, out, true);
    } catch (FeedException e) {
      throw new IllegalStateException("feed " + feedPath + " could not be written", e);
    }
  }

  /**
   * HTML that the build takes from a file (a document feed, the build cache) into another feed,
   * made fit for a feed entry: only simple text markup and the change marks, nothing active.
   * HTML the build makes itself is made that way (and tests check that this leaves it as it is).
   */
  public static String clean(String html) {
    return Jsoup.clean(html, "", ENTRY_HTML, ENTRY_OUTPUT);
  }

  /**
   * Text escaped as {@link #clean} writes it, for HTML that is to pass it unchanged: markup
   * characters, no-break spaces and control characters as references, quotes as they are.
   */
  public static String escapeText(String text) {
    // Entities.escape also escapes quotes, for attribute values; text keeps them.
    return Entities.escape(text, ENTRY_OUTPUT).replace("&quot;", "\"").replace("&apos;", "'");
  }

  /**
   * The entry HTML of the items of an RSS feed this generator wrote whose guid {@code ids}
   * accepts, by guid, as the file has it: to be {@link #clean}ed before it goes into another
   * feed. A streaming read: a full feed parser costs several times as much, and builds read
   * back hundreds of feeds.
   *
   * @param name what the feed is called in an error message
   * @throws IOException when the feed cannot be read as XML
   */
  public static Map<String, String> entryHtml(byte[] rss, Predicate<String> ids, String name)
      throws IOException {
    Map<String, String> found = new HashMap<>();
    XMLStreamReader xml = null;
    try {
      xml = XML.createXMLStreamReader(new ByteArrayInputStream(rss));
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
            && guid != null && description != null && ids.test(guid)) {
          found.put(guid, description);
        }
      }
    } catch (XMLStreamException e) {
      throw new IOException(name + " is not a readable feed: " + e.getMessage(), e);
    } finally {
      if (xml != null) {
        try {
          xml.close();
        } catch (XMLStreamException e) {
          // Nothing to release: the bytes are in memory.
        }
      }
    }
    return found;
  }

  private SyndPerson person() {
    SyndPerson person = new SyndPersonImpl();
    person.setName(author);
    return person;
  }

  /** A link to {@code target} as seen from the feed at {@code feedPath}. */
  private String link(String feedPath, String target) {
    if (baseUrl != null) {
      return baseUrl.resolve(target).toString();
    }
    return SitePaths.relative(feedPath, target);
  }
}
