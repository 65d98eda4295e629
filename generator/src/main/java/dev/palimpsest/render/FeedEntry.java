package dev.palimpsest.render;

import java.time.Instant;

/**
 * One change as a feed entry.
 *
 * @param id a stable identifier of the change (same in every build)
 * @param title plain text, escaped by the feed writer
 * @param sitePath the diff page's path from the site root
 * @param time when the change was captured
 * @param html a short summary of the change, safe HTML as {@link Feeds#clean} leaves it: made
 *     so by the build, or cleaned by it when read from a file
 */
public record FeedEntry(String id, String title, String sitePath, Instant time, String html) {}
