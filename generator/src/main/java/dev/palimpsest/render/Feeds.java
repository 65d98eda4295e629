package dev.palimpsest.render;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Writes RSS 2.0 and Atom 1.0 feeds of changes with Rome. Entry links are absolute under the
 * base URL when there is one, else relative to the feed's own folder.
 */
public final class Feeds {
  /**
   * HTML that can hold nothing but text, character references, and the tags p, del and ins
   * without attributes: no other element, attribute or comment can come of it.
   */
  private static final Pattern INERT = Pattern.compile(
      "(?:[^<>&]++|&(?:[a-zA-Z][a-zA-Z0-9]{0,31}|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});"
          + "|</?(?:p|del|ins)>)*+");

  /**
   * jsoup's cleaner, made when first needed: a build of text or Markdown snapshots may never
   * need it, and setting it up loads a good part of jsoup (about 70 ms of a rebuild after one
   * new snapshot).
   */
  private static final class Cleaner {
    /** What feed entries may contain: simple text markup and the change marks, nothing active. */
    static final Safelist ENTRY_HTML = Safelist.basic().addTags("del", "ins").removeTags("a");
    /** Cleaned HTML keeps its spacing and line breaks, so that cleaning it again changes nothing. */
    static final Document.OutputSettings ENTRY_OUTPUT = new Document.OutputSettings()
        .prettyPrint(false);
  }

  /** The XML reader of feeds read back, made when first needed. */
  private static final class FeedReader {
    static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
      // The feeds are our own, but a reader of XML never fetches or expands what it is told to.
      XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }
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
      List<FeedEntry> entries, Instant updated, boolean atom, Writer out)
      throws IOException {
    // Rome's own feed models, written as they are: its format-neutral model is converted to
    // them first, cloning every entry by reflection, which cost more than writing the feed, and
    // adds a Dublin Core copy of each date (dc:date), which feed readers do not need.
    WireFeed feed = atom ? atomFeed(title, description, feedPath, pagePath, entries)
        : rssChannel(title, description, feedPath, pagePath, entries);
    org.jdom2.Document xml;
    try {
      xml = new WireFeedOutput().outputJDom(feed);
    } catch (FeedException e) {
      throw new IllegalStateException("feed " + feedPath + " could not be written", e);
    }
    // Each date is given once, in the format's own element, put into Rome's XML here where
    // Rome puts it: Rome formats each date with a new SimpleDateFormat, and setting those up
    // (and the JVM's compiling of them) was 2-4 % of a full build's time.
    if (atom) {
      addAtomDates(xml.getRootElement(), updated, entries);
    } else {
      addRssDates(xml.getRootElement().getChild("channel"), updated, entries);
    }
    // Straight to the file, as Rome writes it: a feed as one string cost more to build and
    // encode than to write.
    new XMLOutputter(Format.getPrettyFormat()).output(xml, out);
  }

  /** RSS dates: the channel's and each item's pubDate, after its description. */
  private static void addRssDates(Element channel, Instant updated, List<FeedEntry> entries) {
    Namespace none = Namespace.NO_NAMESPACE;
    insertAfter(channel, "description", "pubDate", TimeText.rfc822(updated), none);
    List<Element> items = channel.getChildren("item");
    for (int i = 0; i < items.size(); i++) {
      insertAfter(items.get(i), "description", "pubDate",
          TimeText.rfc822(entries.get(i).time()), none);
    }
  }

  /** Atom dates: the feed's updated, and each entry's updated and published, after its id. */
  private static void addAtomDates(Element feed, Instant updated, List<FeedEntry> entries) {
    Namespace atom = feed.getNamespace();
    insertAfter(feed, "id", "updated", TimeText.iso(updated), atom);
    List<Element> atomEntries = feed.getChildren("entry", atom);
    for (int i = 0; i < atomEntries.size(); i++) {
      String time = TimeText.iso(entries.get(i).time());
      insertAfter(atomEntries.get(i), "id", "published", time, atom);
      insertAfter(atomEntries.get(i), "id", "updated", time, atom);
    }
  }

  /** Puts {@code <name>text</name>} right after the child {@code after} of {@code parent}. */
  private static void insertAfter(Element parent, String after, String name, String text,
      Namespace namespace) {
    int at = parent.indexOf(parent.getChild(after, namespace)) + 1;
    parent.addContent(at, new Element(name, namespace).setText(text));
  }

  private Channel rssChannel(String title, String description, String feedPath, String pagePath,
      List<FeedEntry> entries) {
    Channel channel = new Channel("rss_2.0");
    channel.setTitle(title);
    channel.setLink(link(feedPath, pagePath));
    channel.setDescription(description);
    channel.setManagingEditor(author);
    List<Item> items = new ArrayList<>(entries.size());
    for (FeedEntry entry : entries) {
      Item item = new Item();
      item.setTitle(entry.title());
      item.setLink(link(feedPath, entry.sitePath()));
      Description html = new Description();
      html.setType("text/html");
      html.setValue(entry.html());
      item.setDescription(html);
      Guid guid = new Guid();
      guid.setPermaLink(false);
      guid.setValue(entry.id());
      item.setGuid(guid);
      items.add(item);
    }
    channel.setItems(items);
    return channel;
  }

  private Feed atomFeed(String title, String description, String feedPath, String pagePath,
      List<FeedEntry> entries) {
    Feed feed = new Feed("atom_1.0");
    feed.setTitle(title);
    Link alternate = new Link();
    alternate.setRel("alternate");
    alternate.setType("text/html");
    alternate.setHref(link(feedPath, pagePath));
    feed.setAlternateLinks(List.of(alternate));
    if (baseUrl != null) {
      // A feed's own address is only known under a base URL.
      Link self = new Link();
      self.setRel("self");
      self.setType("application/atom+xml");
      self.setHref(baseUrl.resolve(feedPath).toString());
      feed.setOtherLinks(List.of(self));
    }
    feed.setAuthors(List.of(person()));
    Content subtitle = new Content();
    subtitle.setValue(description);
    feed.setSubtitle(subtitle);
    feed.setId("urn:palimpsest:feed:" + feedPath);
    List<Entry> atomEntries = new ArrayList<>(entries.size());
    for (FeedEntry entry : entries) {
      Entry atomEntry = new Entry();
      atomEntry.setTitle(entry.title());
      Link link = new Link();
      link.setRel("alternate");
      link.setHref(link(feedPath, entry.sitePath()));
      atomEntry.setAlternateLinks(List.of(link));
      atomEntry.setAuthors(List.of(person()));
      atomEntry.setId(entry.id());
      Content summary = new Content();
      summary.setType("html");
      summary.setValue(entry.html());
      atomEntry.setSummary(summary);
      atomEntries.add(atomEntry);
    }
    feed.setEntries(atomEntries);
    return feed;
  }

  /**
   * HTML that the build takes from a file (a document feed, the build cache) into another feed,
   * made fit for a feed entry: only simple text markup and the change marks, nothing active.
   * HTML the build makes itself is made that way (and tests check that this leaves it as it is).
   */
  public static String clean(String html) {
    // What this generator wrote is inert as it is: a quick test spares it jsoup's parser, which
    // a rebuild would otherwise load and warm up for a few hundred excerpts alone.
    return INERT.matcher(html).matches() ? html : sanitise(html);
  }

  /** {@link #clean} by jsoup's cleaner alone: the form every excerpt is written in. */
  public static String sanitise(String html) {
    return Jsoup.clean(html, "", Cleaner.ENTRY_HTML, Cleaner.ENTRY_OUTPUT);
  }

  /**
   * Text escaped as {@link #sanitise} writes it, for HTML that is to pass it unchanged: markup
   * characters, no-break spaces, control characters and unpaired surrogates as references,
   * quotes as they are. Tests hold it to jsoup's own escaping, which it spares the document
   * stage from loading (see {@link Cleaner}).
   */
  public static String escapeText(String text) {
    StringBuilder escaped = null;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      String reference;
      if (c == '&') {
        reference = "&amp;";
      } else if (c == '<') {
        reference = "&lt;";
      } else if (c == '>') {
        reference = "&gt;";
      } else if (c == '\u00a0') {
        reference = "&nbsp;";
      } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r'
          || Character.isSurrogate(c) && !pairedAt(text, i)) {
        reference = "&#x" + Integer.toHexString(c) + ";";
      } else {
        if (Character.isHighSurrogate(c)) {
          // The pair is kept whole.
          if (escaped != null) {
            escaped.append(c);
          }
          c = text.charAt(++i);
        }
        if (escaped != null) {
          escaped.append(c);
        }
        continue;
      }
      if (escaped == null) {
        escaped = new StringBuilder(length + 16).append(text, 0, i);
      }
      escaped.append(reference);
    }
    return escaped == null ? text : escaped.toString();
  }

  /** Whether the surrogate at {@code i} is the high half of a pair. */
  private static boolean pairedAt(String text, int i) {
    return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
        && Character.isLowSurrogate(text.charAt(i + 1));
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
      xml = FeedReader.XML.createXMLStreamReader(new ByteArrayInputStream(rss));
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
    Person person = new Person();
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
