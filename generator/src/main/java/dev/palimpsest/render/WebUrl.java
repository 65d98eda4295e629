package dev.palimpsest.render;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Addresses from properties files are untrusted: only http(s) ones become links. */
public final class WebUrl {
  private WebUrl() {}

  /** {@code url} as a link target when it is an http(s) address with a host, else {@code null}. */
  public static String linkable(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
          ? uri.toASCIIString() : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
