package dev.palimpsest.document;

import dev.palimpsest.Problem;
import dev.palimpsest.normalise.Format;
import dev.palimpsest.normalise.NormalisedText;
import dev.palimpsest.normalise.Normaliser;
import dev.palimpsest.normalise.UnusableSnapshotException;
import dev.palimpsest.read.DocumentInput;
import dev.palimpsest.read.SnapshotFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a document's snapshots into its versions: each snapshot normalised, in capture order,
 * and a snapshot whose text equals the previous version's only extends that version. Snapshots
 * that cannot be used become problems; text that is not valid UTF-8, a warning.
 */
final class VersionReader {
  /** Larger snapshots are refused rather than risk the build's memory. */
  static final long MAX_SNAPSHOT_BYTES = 64L * 1024 * 1024;

  private VersionReader() {}

  /**
   * The versions of {@code input}, oldest first.
   *
   * @param parallel whether to read the snapshots on all cores (for a document built alone)
   */
  static List<Version> read(DocumentInput input, boolean parallel, List<Problem> problems,
      List<Problem> warnings) throws IOException {
    List<SnapshotFile> snapshots = input.snapshots();
    List<Normalised> read = Steps.run(snapshots.size(), parallel,
        i -> normalise(input, snapshots.get(i)));
    List<Version> versions = new ArrayList<>();
    for (int i = 0; i < snapshots.size(); i++) {
      Normalised normalised = read.get(i);
      normalised.problem().ifPresent(problems::add);
      normalised.warning().ifPresent(warnings::add);
      if (normalised.text().isEmpty()) {
        continue;
      }
      NormalisedText text = normalised.text().get();
      Instant time = snapshots.get(i).time();
      Version previous = versions.isEmpty() ? null : versions.get(versions.size() - 1);
      if (previous != null && previous.text().equals(text)) {
        versions.set(versions.size() - 1, previous.seenAgain(time));
      } else {
        versions.add(new Version(versions.size() + 1, time, time, text));
      }
    }
    return versions;
  }

  /** One snapshot read: its text, or the problem that kept it out, and any warning. */
  private record Normalised(Optional<NormalisedText> text, Optional<Problem> problem,
      Optional<Problem> warning) {
    static Normalised failed(Problem problem) {
      return new Normalised(Optional.empty(), Optional.of(problem), Optional.empty());
    }
  }

  private static Normalised normalise(DocumentInput input, SnapshotFile snapshot) {
    try {
      long size = Files.size(snapshot.path());
      if (size > MAX_SNAPSHOT_BYTES) {
        return Normalised.failed(new Problem(snapshot.path(), "too large ("
            + size / (1024 * 1024) + " MiB; the limit is " + MAX_SNAPSHOT_BYTES / (1024 * 1024)
            + " MiB)"));
      }
      byte[] content = Files.readAllBytes(snapshot.path());
      NormalisedText text = Normaliser.normalise(snapshot.format(), content,
          input.settings().normaliseOptions());
      // HTML declares its own charset; text and Markdown must be UTF-8, read leniently.
      Optional<Problem> warning = snapshot.format() != Format.HTML && !isUtf8(content)
          ? Optional.of(new Problem(snapshot.path(),
              "not valid UTF-8; the broken bytes are shown as U+FFFD"))
          : Optional.empty();
      return new Normalised(Optional.of(text), Optional.empty(), warning);
    } catch (UnusableSnapshotException e) {
      return Normalised.failed(new Problem(snapshot.path(), e.getMessage()));
    } catch (IOException e) {
      return Normalised.failed(new Problem(snapshot.path(), "unreadable: " + e.getMessage()));
    }
  }

  private static boolean isUtf8(byte[] content) {
    // Decoded through a small buffer, only to see whether it can be: the text is not kept.
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    ByteBuffer in = ByteBuffer.wrap(content);
    CharBuffer sink = CharBuffer.allocate(4096);
    while (true) {
      CoderResult result = decoder.decode(in, sink, true);
      if (result.isError()) {
        return false;
      }
      if (result.isUnderflow()) {
        return !decoder.flush(sink).isError();
      }
      sink.clear();
    }
  }
}
