package dev.palimpsest.site;

import dev.palimpsest.document.ChangeSummary;
import dev.palimpsest.document.DocumentSummary;
import dev.palimpsest.read.SourceInput;
import dev.palimpsest.render.TimeText;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Entities;

/**
 * {@code sitemap.xml}: every page of the site. Search engines need absolute addresses, so the
 * locations are absolute under the base URL when one is given; without one they are relative to
 * the site root, which keeps the file useful to tools that know where the site is served.
 */
final class Sitemap {
  private Sitemap() {}

  /**
   * Writes the sitemap to {@code xml} as it goes: it has a line for every page, so on a large
   * site it is tens of megabytes, never held whole.
   */
  static void write(URI baseUrl, List<SourceInput> sources, List<DocumentSummary> documents,
      Writer xml) throws IOException {
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    url(xml, baseUrl, "index.html", null);
    Map<String, Integer> counts = new HashMap<>();
    for (DocumentSummary document : documents) {
      counts.merge(document.source(), 1, Integer::sum);
    }
    for (SourceInput source : sources) {
      int count = counts.getOrDefault(source.name(), 0);
      if (count > 0) {
        for (int page = 1; page <= SiteStage.pageCount(count); page++) {
          url(xml, baseUrl, source.name() + "/" + SiteStage.sourcePageFile(page), null);
        }
      }
    }
    for (DocumentSummary document : documents) {
      url(xml, baseUrl, document.path() + "index.html", TimeText.iso(document.lastChanged()));
      for (ChangeSummary change : document.changes()) {
        url(xml, baseUrl, document.path() + change.diffPath(), TimeText.iso(change.toTime()));
      }
    }
    xml.append("</urlset>\n");
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

  private static void url(Writer xml, URI baseUrl, String path, String lastModified)
      throws IOException {
    String location = baseUrl == null ? path : baseUrl.resolve(path).toString();
    xml.append("  <url><loc>").append(needsEscaping(location) ? Entities.escape(location)
        : location).append("</loc>");
    if (lastModified != null) {
      xml.append("<lastmod>").append(lastModified).append("</lastmod>");
    }
    xml.append("</url>\n");
  }
}
