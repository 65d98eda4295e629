package dev.palimpsest.document;

/**
 * A change's excerpt as its document's feed has it.
 *
 * @param html the excerpt: HTML as jsoup's cleaner writes it
 *     ({@link dev.palimpsest.render.Feeds#sanitise}) when this build made it
 * @param made whether this build made it from the diff; else it was taken from the feed the
 *     current site has, a file that may have changed since it was written
 */
public record FeedExcerpt(String html, boolean made) {}
