package dev.palimpsest.document;

import java.util.List;

/**
 * What the last build made of a document, so that a rebuild can leave in place the pages whose
 * inputs are the same (after one new snapshot, all but the last few).
 *
 * @param summary the document's summary then
 * @param pageKeys the keys of its pages then, as {@link DocumentResult#pageKeys}
 */
public record PreviousBuild(DocumentSummary summary, List<Long> pageKeys) {
  public PreviousBuild {
    pageKeys = List.copyOf(pageKeys);
  }
}
