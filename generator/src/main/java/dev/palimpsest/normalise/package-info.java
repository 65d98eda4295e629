/**
 * Step two of the pipeline: a snapshot's bytes (HTML, Markdown or plain text) become a
 * {@link dev.palimpsest.normalise.NormalisedText}, the headline and blocks of text that versions
 * are compared by. {@link dev.palimpsest.normalise.Normaliser} is the entry point; the
 * extractors behind it are package-private. Parameters and results are non-null unless a
 * method says otherwise.
 */
package dev.palimpsest.normalise;
