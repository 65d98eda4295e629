package dev.palimpsest.render;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the page layout needs on every page: the site's title, the way back to the site root,
 * the page's own title and the feed it advertises.
 *
 * @param siteTitle the site's title
 * @param root the relative prefix from this page to the site root ("../../", or "")
 * @param title the page's title, without the site's
 * @param feedHref the feed this page advertises, relative to the page
 */
public record PageContext(String siteTitle, String root, String title, String feedHref) {

  /**
   * The context of the page at {@code path} that advertises the feed at {@code feedPath}, both
   * paths from the site root.
   */
  public static PageContext of(String siteTitle, String path, String title, String feedPath) {
    return new PageContext(siteTitle, SitePaths.root(path), title,
        SitePaths.relative(path, feedPath));
  }

  /** The data model of a template: this context as "site", the page's own view as {@code name}. */
  public Map<String, Object> with(String name, Object page) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("site", this);
    model.put(name, page);
    return model;
  }
}
