package dev.palimpsest;

import dev.palimpsest.document.DocumentResult;
import dev.palimpsest.document.DocumentStage;
import dev.palimpsest.document.DocumentSummary;
import dev.palimpsest.read.DocumentInput;
import dev.palimpsest.read.SnapshotFile;
import dev.palimpsest.read.SnapshotFolder;
import dev.palimpsest.read.SnapshotTree;
import dev.palimpsest.read.SourceInput;
import dev.palimpsest.render.Feeds;
import dev.palimpsest.render.Templates;
import dev.palimpsest.site.SiteStage;
import dev.palimpsest.write.SiteOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One run of a {@link Generator}: scan, the document stage for every document (in parallel),
 * the site stage over their summaries, then the swap into place.
 */
final class SiteBuild {
  private static final Comparator<Problem> IN_PATH_ORDER =
      Comparator.comparing((Problem p) -> p.path().toString()).thenComparing(Problem::reason);

  private final Generator generator;
  private final Path snapshots;
  private final Path out;

  SiteBuild(Generator generator, Path snapshots, Path out) {
    this.generator = generator;
    this.snapshots = snapshots;
    this.out = out;
  }

  BuildReport run() throws BuildException {
    long started = System.nanoTime();
    checkFolders();
    SnapshotTree tree = scan();
    List<Problem> problems = new ArrayList<>(tree.problems());
    tree.problems().forEach(generator.listener()::problem);
    Instant now = generator.now(newestSnapshot(tree));
    Templates templates = loadTemplates();
    Feeds feeds = new Feeds(generator.baseUrl(), generator.title());
    DocumentStage documentStage = new DocumentStage(templates, feeds, generator.title(), now);
    SiteStage siteStage = new SiteStage(templates, feeds, generator.title(),
        generator.baseUrl(), now);

    try (SiteOutput site = SiteOutput.open(out)) {
      generator.listener().started(tree.documentCount());
      List<DocumentSummary> summaries = new ArrayList<>();
      List<Problem> warnings = new ArrayList<>();
      for (DocumentResult result : buildDocuments(tree, documentStage, site)) {
        result.summary().ifPresent(summaries::add);
        problems.addAll(result.problems());
        warnings.addAll(result.warnings());
      }
      siteStage.build(tree.sources(), summaries, site);
      problems.sort(IN_PATH_ORDER);
      warnings.sort(IN_PATH_ORDER);
      boolean write = problems.isEmpty() || !generator.strict();
      if (write) {
        site.commit();
      }
      int versions = summaries.stream().mapToInt(DocumentSummary::versions).sum();
      int changes = summaries.stream().mapToInt(s -> s.changes().size()).sum();
      int sources = (int) summaries.stream().map(DocumentSummary::source).distinct().count();
      return new BuildReport(out, sources, summaries.size(), versions, changes,
          write ? site.filesWritten() : 0, problems, warnings, write,
          Duration.ofNanos(System.nanoTime() - started));
    } catch (Templates.TemplateProblem e) {
      throw new BuildException("template error: " + e.getMessage(), e);
    } catch (IOException | UncheckedIOException e) {
      throw new BuildException("could not write the site to " + out + ": " + e.getMessage(), e);
    }
  }

  private void checkFolders() throws BuildException {
    if (!Files.isDirectory(snapshots)) {
      throw new BuildException("snapshot folder " + snapshots + " does not exist"
          + (Files.exists(snapshots) ? " as a folder" : ""));
    }
    Path templates = generator.templates();
    if (templates != null && !Files.isDirectory(templates)) {
      throw new BuildException("templates folder " + templates + " is not a folder");
    }
    Path source = snapshots.toAbsolutePath().normalize();
    Path target = out.toAbsolutePath().normalize();
    if (target.startsWith(source) || source.startsWith(target)) {
      throw new BuildException("the output folder " + out + " and the snapshot folder "
          + snapshots + " must not contain each other");
    }
  }

  private SnapshotTree scan() throws BuildException {
    try {
      return SnapshotFolder.scan(snapshots);
    } catch (IOException | UncheckedIOException e) {
      throw new BuildException("could not read the snapshot folder " + snapshots + ": "
          + e.getMessage(), e);
    }
  }

  private Templates loadTemplates() throws BuildException {
    try {
      return Templates.load(generator.templates());
    } catch (IOException e) {
      throw new BuildException("could not read the templates folder: " + e.getMessage(), e);
    }
  }

  private static Instant newestSnapshot(SnapshotTree tree) {
    return tree.sources().stream()
        .flatMap(source -> source.documents().stream())
        .flatMap(document -> document.snapshots().stream())
        .map(SnapshotFile::time)
        .max(Comparator.naturalOrder())
        .orElse(Instant.EPOCH);
  }

  /**
   * Runs the document stage over every document on all cores. Results come back in input order,
   * so the site does not depend on which thread finished first.
   */
  private List<DocumentResult> buildDocuments(SnapshotTree tree, DocumentStage stage,
      SiteOutput site) throws IOException {
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(),
        tree.documentCount()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "palimpsest-document");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<DocumentResult>> futures = new ArrayList<>();
      for (SourceInput source : tree.sources()) {
        for (DocumentInput document : source.documents()) {
          futures.add(pool.submit(() -> {
            DocumentResult result = stage.build(source, document, site);
            result.problems().forEach(generator.listener()::problem);
            result.warnings().forEach(generator.listener()::warning);
            generator.listener().documentDone(source.name(), document.name());
            return result;
          }));
        }
      }
      List<DocumentResult> results = new ArrayList<>();
      for (Future<DocumentResult> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdownNow();
    }
  }
}
