package dev.palimpsest.site;

import dev.palimpsest.document.ChangeSummary;
import dev.palimpsest.document.DocumentSummary;
import dev.palimpsest.layout.SiteLayout;
import dev.palimpsest.render.TimeText;
import dev.palimpsest.write.SiteOutput;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jsoup.nodes.Entities;

/**
 * The sitemaps. {@code sitemap.xml} at the root is a sitemap index of the others:
 * {@code sitemap-home.xml} beside it for the home page, and in each source's folder
 * {@code sitemap.xml} for the source's pages, its documents' history pages and their diff pages
 * ({@code sitemap-2.xml}, … past {@value #MAX_URLS} addresses, the protocol's limit per file).
 * A sitemap may only list addresses in its own folder or below, hence one per source folder; and
 * a rebuild keeps the sitemaps of the sources that did not change, while the index's
 * {@code lastmod} tells crawlers which did.
 *
 * <p>Search engines need absolute addresses, so the locations are absolute under the base URL
 * when one is given; without one they are relative to the site root, which keeps the files
 * useful to tools that know where the site is served.
 */
final class Sitemap {
  /** The most addresses one sitemap may hold (sitemaps.org). */
  static final int MAX_URLS = 50_000;

  private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  private static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

  private Sitemap() {}

  /** A sitemap as the index lists it: its path from the site root and its newest change. */
  record Listed(String path, Instant lastModified) {}

  /** Writes the sitemap index. */
  static void writeIndex(URI baseUrl, List<Listed> sitemaps, Writer xml) throws IOException {
    xml.append(XML_DECLARATION).append("<sitemapindex xmlns=\"" + NAMESPACE + "\">\n");
    for (Listed sitemap : sitemaps) {
      xml.append("  <sitemap>");
      location(xml, baseUrl, sitemap.path());
      if (sitemap.lastModified() != null) {
        xml.append("<lastmod>").append(TimeText.iso(sitemap.lastModified()))
            .append("</lastmod>");
      }
      xml.append("</sitemap>\n");
    }
    xml.append("</sitemapindex>\n");
  }

  /** Writes the sitemap of the home page. */
  static void writeHome(URI baseUrl, Writer xml) throws IOException {
    xml.append(XML_DECLARATION).append("<urlset xmlns=\"" + NAMESPACE + "\">\n");
    url(xml, baseUrl, new Url(SiteLayout.HOME, null));
    xml.append("</urlset>\n");
  }

  /**
   * The file names, in a source's folder, of the sitemaps of a source with these documents:
   * as many as its addresses need.
   */
  static List<String> sourceFiles(List<DocumentSummary> documents, int maxUrls) {
    long urls = SiteStage.pageCount(documents.size());
    for (DocumentSummary document : documents) {
      urls += 1 + document.changes().size();
    }
    List<String> files = new ArrayList<>();
    for (int n = 1; n == 1 || (long) (n - 1) * maxUrls < urls; n++) {
      files.add(SiteLayout.sourceSitemap(n));
    }
    return files;
  }

  /**
   * Writes the sitemaps of a source into its folder, each as it goes: one never holds more than
   * its addresses' worth of text, however many documents the source has.
   *
   * @param sourceName the source's output name
   * @param documents its documents, in the order their pages are listed
   * @return the paths written, from the site root
   */
  static List<String> writeSource(SiteOutput out, URI baseUrl, String sourceName,
      List<DocumentSummary> documents, int maxUrls) throws IOException {
    Iterator<Url> urls = sourceUrls(sourceName, documents);
    List<String> written = new ArrayList<>();
    for (String file : sourceFiles(documents, maxUrls)) {
      String path = SiteLayout.sourceFolder(sourceName) + file;
      out.writeText(path, xml -> {
        xml.append(XML_DECLARATION).append("<urlset xmlns=\"" + NAMESPACE + "\">\n");
        for (int n = 0; n < maxUrls && urls.hasNext(); n++) {
          url(xml, baseUrl, urls.next());
        }
        xml.append("</urlset>\n");
      });
      written.add(path);
    }
    return written;
  }

  /** An address of the site, from its root, and its page's newest change when it has one. */
  private record Url(String path, String lastModified) {}

  /**
   * The addresses of a source's pages in sitemap order: its source pages, then for each
   * document its history page and its diff pages. Made one at a time as the sitemaps are
   * written.
   */
  private static Iterator<Url> sourceUrls(String sourceName, List<DocumentSummary> documents) {
    int pages = SiteStage.pageCount(documents.size());
    return new Iterator<>() {
      private int page = 1;
      private int document = 0;
      private int change = -1;

      @Override
      public boolean hasNext() {
        return page <= pages || document < documents.size();
      }

      @Override
      public Url next() {
        if (page <= pages) {
          return new Url(SiteLayout.sourceFolder(sourceName) + SiteLayout.sourcePage(page++),
              null);
        }
        if (document >= documents.size()) {
          throw new NoSuchElementException();
        }
        DocumentSummary summary = documents.get(document);
        Url url;
        if (change < 0) {
          url = new Url(summary.path() + SiteLayout.HISTORY,
              TimeText.iso(summary.lastChanged()));
        } else {
          ChangeSummary diff = summary.changes().get(change);
          url = new Url(summary.path() + diff.diffPath(), TimeText.iso(diff.toTime()));
        }
        if (++change == summary.changes().size()) {
          document++;
          change = -1;
        }
        return url;
      }
    };
  }

  /** Output paths are slugs; only a base URL can bring characters that XML escapes. */
  private static boolean needsEscaping(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c > 0x7e) {
        return true;
      }
    }
    return false;
  }

  private static void url(Writer xml, URI baseUrl, Url url) throws IOException {
    xml.append("  <url>");
    location(xml, baseUrl, url.path());
    if (url.lastModified() != null) {
      xml.append("<lastmod>").append(url.lastModified()).append("</lastmod>");
    }
    xml.append("</url>\n");
  }

  private static void location(Writer xml, URI baseUrl, String path) throws IOException {
    String location = baseUrl == null ? path : baseUrl.resolve(path).toString();
    xml.append("<loc>").append(needsEscaping(location) ? Entities.escape(location) : location)
        .append("</loc>");
  }
}
