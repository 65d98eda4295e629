package dev.palimpsest.layout;

import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Where every file of a site lives. The document stage, the site stage, the sitemaps and the
 * snapshot reader (which keeps folder names off the site's own files) all take paths from here,
 * so that they agree.
 *
 * <pre>
 * index.html  feed.xml  atom.xml  changes.json  sitemap.xml  sitemap-home.xml  assets/
 * &lt;source&gt;/index.html  page-2.html …  feed.xml  sitemap.xml  sitemap-2.xml …
 * &lt;source&gt;/&lt;document&gt;/index.html  feed.xml  versions/&lt;n&gt;.html
 *                     diffs/&lt;a&gt;-&lt;b&gt;.html  diffs/&lt;a&gt;-&lt;b&gt;.inline.html
 * </pre>
 */
public final class SiteLayout {
  /** The home page, at the site root. */
  public static final String HOME = "index.html";
  /** The site's RSS feed, at the root. */
  public static final String SITE_RSS = "feed.xml";
  /** The site's Atom feed, at the root. */
  public static final String SITE_ATOM = "atom.xml";
  /** Every change, for scripts, at the root. */
  public static final String CHANGES = "changes.json";
  /** The sitemap index, at the root. */
  public static final String SITEMAP_INDEX = "sitemap.xml";
  /** The sitemap of the pages at the root, beside the index. */
  public static final String SITEMAP_HOME = "sitemap-home.xml";
  /** The folder of the stylesheet and script, at the root. */
  public static final String ASSETS = "assets";

  /** A source's feed, in its folder. */
  public static final String SOURCE_FEED = "feed.xml";
  /** A document's history page, in its folder. */
  public static final String HISTORY = "index.html";
  /** A document's feed, in its folder. */
  public static final String DOCUMENT_FEED = "feed.xml";

  /** Names at the site root that a source folder must not take. */
  private static final Set<String> AT_ROOT = Set.of(ASSETS, HOME, SITE_RSS, SITE_ATOM, CHANGES,
      SITEMAP_INDEX, SITEMAP_HOME);
  /** Names in a source folder that a document folder must not take. */
  private static final Predicate<String> IN_SOURCE = Pattern.compile(
      "index\\.html|feed\\.xml|page-[0-9]+\\.html|sitemap(-[0-9]+)?\\.xml").asMatchPredicate();

  private SiteLayout() {}

  /** Whether a source folder named {@code name} would take the place of a file at the root. */
  public static boolean takenAtRoot(String name) {
    return AT_ROOT.contains(name);
  }

  /** Whether a document folder named {@code name} would take the place of a source's file. */
  public static boolean takenInSource(String name) {
    return IN_SOURCE.test(name);
  }

  /** A source's folder from the site root: "source/". */
  public static String sourceFolder(String source) {
    return source + "/";
  }

  /** Page {@code page} (from 1) of a source's document list, in its folder. */
  public static String sourcePage(int page) {
    return page == 1 ? "index.html" : "page-" + page + ".html";
  }

  /** Sitemap {@code part} (from 1) of a source, in its folder. */
  public static String sourceSitemap(int part) {
    return part == 1 ? "sitemap.xml" : "sitemap-" + part + ".xml";
  }

  /** A document's folder from the site root: "source/document/". */
  public static String documentFolder(String source, String document) {
    return source + "/" + document + "/";
  }

  /** The page of version {@code n}, in its document's folder. */
  public static String version(int n) {
    return "versions/" + n + ".html";
  }

  /** The side-by-side diff from version {@code a} to {@code b}, in its document's folder. */
  public static String diff(int a, int b) {
    return "diffs/" + a + "-" + b + ".html";
  }

  /** The inline diff from version {@code a} to {@code b}, in its document's folder. */
  public static String inlineDiff(int a, int b) {
    return "diffs/" + a + "-" + b + ".inline.html";
  }
}
