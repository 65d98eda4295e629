package dev.palimpsest.document;

/** A change between consecutive versions as its diff pages show it, with its feed excerpt. */
record WrittenDiff(ChangeSummary change, FeedExcerpt excerpt) {}
