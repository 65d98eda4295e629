package dev.palimpsest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import dev.palimpsest.render.Feeds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.xml.sax.InputSource;

/** Checks over a built site that tests share: what a reader would see, read back from HTML. */
public final class SiteChecks {
  private static final Pattern DIFF_NAME = Pattern.compile("(\\d+)-(\\d+)\\.html");

  private SiteChecks() {}

  /** Every HTML page of the site, in path order. */
  public static List<Path> pages(Path site) throws IOException {
    try (Stream<Path> files = Files.walk(site)) {
      return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
  }

  public static Document parse(Path page) {
    try {
      return Jsoup.parse(page.toFile(), "UTF-8");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The words of a text, as a reader compares them: whitespace does not count. */
  public static List<String> words(String text) {
    String trimmed = text.strip();
    return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
  }

  /** The words of version n of the document whose folder is {@code documentDir}. */
  public static List<String> versionWords(Path documentDir, int n) {
    Document page = parse(documentDir.resolve("versions/" + n + ".html"));
    Element text = page.getElementById("text");
    assertTrue(text != null, "version page " + n + " of " + documentDir + " has article#text");
    assertEquals("article", text.tagName());
    return words(text.text());
  }

  /** The words of all cells of one side of a diff page, in document order. */
  public static List<String> sideWords(Document diffPage, String side) {
    List<String> words = new ArrayList<>();
    for (Element cell : diffPage.select("[data-side=" + side + "]")) {
      words.addAll(words(cell.text()));
    }
    return words;
  }

  /**
   * The words of the text column of an inline diff page, in document order, leaving out the
   * elements named by {@code without} ("ins" or "del") and the notes and move links around the
   * text.
   */
  public static List<String> inlineWords(Document inlinePage, String without) {
    List<String> words = new ArrayList<>();
    for (Element paragraph : inlinePage.select(".inline-text .para")) {
      Element copy = paragraph.clone();
      copy.select(without + ", .move-link, .row-note").remove();
      words.addAll(words(copy.text()));
    }
    return words;
  }

  /**
   * Checks every diff page of the site: the old cells read as version a word for word, the new
   * cells as version b, and every move has exactly one place on each side; its inline view
   * carries no cells, and reads as version a without its insertions and as version b without
   * its deletions.
   *
   * @return how many diff pages were checked
   */
  public static int checkDiffPages(Path site) throws IOException {
    int checked = 0;
    for (Path page : pages(site)) {
      Matcher name = DIFF_NAME.matcher(page.getFileName().toString());
      if (!page.getParent().getFileName().toString().equals("diffs") || !name.matches()) {
        continue;
      }
      Path documentDir = page.getParent().getParent();
      Document diff = parse(page);
      int a = Integer.parseInt(name.group(1));
      int b = Integer.parseInt(name.group(2));
      assertEquals(versionWords(documentDir, a), sideWords(diff, "old"),
          page + ": old cells read as version " + a);
      assertEquals(versionWords(documentDir, b), sideWords(diff, "new"),
          page + ": new cells read as version " + b);
      Map<String, int[]> moves = new HashMap<>();
      for (Element cell : diff.select("[data-move]")) {
        int[] sides = moves.computeIfAbsent(cell.attr("data-move"), k -> new int[2]);
        sides[cell.attr("data-side").equals("old") ? 0 : 1]++;
      }
      moves.forEach((id, sides) -> assertTrue(sides[0] == 1 && sides[1] == 1,
          page + ": move " + id + " has one old and one new place"));
      Path inlinePage = page.resolveSibling(a + "-" + b + ".inline.html");
      assertTrue(Files.isRegularFile(inlinePage), page + " has an inline view");
      Document inline = parse(inlinePage);
      assertTrue(inline.select("[data-side]").isEmpty(),
          inlinePage + ": data-side belongs to the side-by-side page only");
      assertEquals(versionWords(documentDir, a), inlineWords(inline, "ins"),
          inlinePage + ": without its insertions, reads as version " + a);
      assertEquals(versionWords(documentDir, b), inlineWords(inline, "del"),
          inlinePage + ": without its deletions, reads as version " + b);
      checked++;
    }
    return checked;
  }

  /**
   * Checks that every relative link and resource of every page resolves to a file of the site,
   * and every fragment to an element id.
   *
   * @return how many links were checked
   */
  public static int checkLinks(Path site) throws IOException {
    int checked = 0;
    Path root = site.toAbsolutePath().normalize();
    for (Path page : pages(site)) {
      Document document = parse(page);
      for (Element element : document.select("a[href], link[href], img[src], script[src]")) {
        String target = element.hasAttr("href") ? element.attr("href") : element.attr("src");
        if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
          continue;
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? "" : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? page
            : page.toAbsolutePath().getParent().resolve(file).normalize();
        assertTrue(resolved.startsWith(root), page + ": link " + target + " leaves the site");
        assertTrue(Files.isRegularFile(resolved), page + ": link " + target + " is broken");
        if (!fragment.isEmpty() && resolved.toString().endsWith(".html")) {
          assertTrue(parse(resolved).getElementById(fragment) != null,
              page + ": fragment " + target + " has no target");
        }
        checked++;
      }
    }
    return checked;
  }

  /**
   * Checks the sitemaps: {@code sitemap.xml} is an index of exactly the sitemap files the site
   * has; none lists more than 50,000 addresses or one outside its own folder; together they list
   * once each the home page, the source pages, the history pages and the side-by-side diff pages
   * of consecutive versions, and nothing else.
   *
   * @param baseUrl the site's base URL, or {@code null} when the addresses are relative
   * @return how many addresses were checked
   */
  public static int checkSitemaps(Path site, String baseUrl) throws Exception {
    Path root = site.toAbsolutePath().normalize();
    List<String> listed = locations(site.resolve("sitemap.xml"), "sitemap", baseUrl);
    List<String> files;
    try (Stream<Path> all = Files.walk(site, 2)) {
      files = all.filter(p -> p.getFileName().toString().matches("sitemap-.+\\.xml")
              || p.getFileName().toString().equals("sitemap.xml") && !p.getParent().equals(site))
          .map(p -> root.relativize(p.toAbsolutePath().normalize()).toString()).sorted()
          .toList();
    }
    assertEquals(files, listed.stream().sorted().toList(), "the index lists every sitemap");
    List<String> urls = new ArrayList<>();
    for (String sitemap : listed) {
      List<String> locations = locations(site.resolve(sitemap), "url", baseUrl);
      assertTrue(locations.size() <= 50_000, sitemap + " holds at most 50,000 addresses");
      String folder = sitemap.contains("/") ? sitemap.substring(0, sitemap.lastIndexOf('/') + 1)
          : "";
      for (String location : locations) {
        assertTrue(location.startsWith(folder), sitemap + " lists " + location
            + " outside its folder");
        assertTrue(Files.isRegularFile(site.resolve(location)), sitemap + " lists " + location
            + ", which is not in the site");
      }
      urls.addAll(locations);
    }
    List<String> expected = new ArrayList<>();
    for (Path page : pages(site)) {
      String path = root.relativize(page.toAbsolutePath().normalize()).toString();
      String[] parts = path.split("/");
      Matcher diff = DIFF_NAME.matcher(parts[parts.length - 1]);
      boolean consecutiveDiff = parts.length == 4 && parts[2].equals("diffs") && diff.matches()
          && Integer.parseInt(diff.group(2)) == Integer.parseInt(diff.group(1)) + 1;
      boolean sourcePage = parts.length == 2 && parts[1].matches("index\\.html|page-\\d+\\.html");
      boolean historyPage = parts.length == 3 && parts[2].equals("index.html");
      if (path.equals("index.html") || sourcePage || historyPage || consecutiveDiff) {
        expected.add(path);
      }
    }
    assertEquals(expected, urls.stream().sorted().toList(),
        "the sitemaps list each page once");
    return urls.size();
  }

  /** The {@code <loc>} of each {@code element} of a sitemap, relative to the site root. */
  private static List<String> locations(Path sitemap, String element, String baseUrl)
      throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    org.w3c.dom.Document xml = factory.newDocumentBuilder().parse(sitemap.toFile());
    assertEquals("http://www.sitemaps.org/schemas/sitemap/0.9",
        xml.getDocumentElement().getNamespaceURI(), sitemap.toString());
    assertEquals(element.equals("url") ? "urlset" : "sitemapindex",
        xml.getDocumentElement().getLocalName(), sitemap.toString());
    List<String> locations = new ArrayList<>();
    org.w3c.dom.NodeList entries = xml.getElementsByTagNameNS("*", element);
    for (int i = 0; i < entries.getLength(); i++) {
      org.w3c.dom.Element entry = (org.w3c.dom.Element) entries.item(i);
      String location = entry.getElementsByTagNameNS("*", "loc").item(0).getTextContent();
      if (baseUrl != null) {
        assertTrue(location.startsWith(baseUrl), sitemap + ": " + location + " is absolute");
        location = location.substring(baseUrl.length());
      }
      locations.add(location);
    }
    return locations;
  }

  /**
   * Checks the entries of every feed of the site: their HTML has only text markup ({@code p},
   * {@code del}, {@code ins}) without attributes, and is as jsoup's cleaner leaves it, so that
   * it passes unchanged when the site and source feeds clean it again.
   *
   * @return how many entries were checked
   */
  public static int checkFeedEntries(Path site) throws Exception {
    List<Path> feeds;
    try (Stream<Path> files = Files.walk(site)) {
      feeds = files.filter(p -> p.getFileName().toString().matches("feed.xml|atom.xml"))
          .sorted().toList();
    }
    int entries = 0;
    for (Path feed : feeds) {
      try (InputStream in = Files.newInputStream(feed)) {
        for (SyndEntry entry : new SyndFeedInput().build(new InputSource(in)).getEntries()) {
          String html = entry.getDescription().getValue();
          Document content = Jsoup.parseBodyFragment(html);
          for (Element element : content.body().getAllElements()) {
            assertTrue(element.tagName().matches("body|p|del|ins"),
                feed + ": only text markup in entries, not " + element.tagName());
            assertTrue(element.attributes().isEmpty(), feed + ": no attributes in entries");
          }
          assertEquals(html, Feeds.sanitise(html),
              feed + ": " + entry.getUri() + " is as jsoup's cleaner leaves it");
          assertEquals(html, Feeds.clean(html),
              feed + ": " + entry.getUri() + " is as cleaning leaves it");
          entries++;
        }
      }
    }
    return entries;
  }
}
