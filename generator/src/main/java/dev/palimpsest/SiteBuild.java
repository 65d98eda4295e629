package dev.palimpsest;

import dev.palimpsest.cache.BuildCache;
import dev.palimpsest.cache.InputHashes;
import dev.palimpsest.document.DocumentResult;
import dev.palimpsest.document.DocumentStage;
import dev.palimpsest.document.DocumentSummary;
import dev.palimpsest.document.PreviousBuild;
import dev.palimpsest.layout.SiteLayout;
import dev.palimpsest.read.DocumentInput;
import dev.palimpsest.read.SnapshotFile;
import dev.palimpsest.read.SnapshotFolder;
import dev.palimpsest.read.SnapshotTree;
import dev.palimpsest.read.SourceInput;
import dev.palimpsest.render.Feeds;
import dev.palimpsest.render.Templates;
import dev.palimpsest.site.RecentExcerpts;
import dev.palimpsest.site.SiteStage;
import dev.palimpsest.write.SiteOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * One run of a {@link Generator}: scan, the document stage for every document (in parallel),
 * the site stage over their summaries, then the new site swapped into place or, when a build
 * cache tells what the current site holds, the pages that changed written into it.
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
    ExecutorService pool = null;
    try (SiteOutput site = SiteOutput.open(out)) {
      Path cacheFile = BuildCache.fileFor(out);
      List<Problem> warnings = new ArrayList<>();
      // The cache is read while the snapshot folder is scanned: both wait on the disk, and
      // neither needs the other. It is read only under the site's lock, so that it is the
      // cache of the site in place.
      CompletableFuture<Optional<BuildCache>> reading = generator.fullBuild() || !site.hasSite()
          ? CompletableFuture.completedFuture(Optional.empty())
          : CompletableFuture.supplyAsync(() -> BuildCache.read(cacheFile, warnings),
              task -> daemon(task, "palimpsest-cache").start());
      SnapshotTree tree = scan();
      List<Problem> problems = new ArrayList<>(tree.problems());
      tree.problems().forEach(generator.listener()::problem);
      Instant now = generator.now(newestSnapshot(tree));
      pool = pool(tree.documentCount());
      String global = globalHash();
      Optional<BuildCache> previous = reading.join().filter(cache -> cache.appliesTo(global));
      warnings.forEach(generator.listener()::warning);
      generator.listener().started(tree.documentCount());
      List<Inputs> inputs = inParallel(pool, documents(tree),
          document -> Inputs.of(document, previous));
      Scan scan = new Scan(tree, inputs, now, global, problems, warnings, cacheFile);
      if (previous.isEmpty()) {
        return buildAfresh(site, scan, pool, started);
      }
      if (nothingChanged(previous.get(), scan)) {
        return keepSite(scan, previous.get(), started);
      }
      return updateInPlace(site, scan, previous.get(), pool, started);
    } catch (Templates.TemplateProblem e) {
      throw new BuildException("template error: " + e.getMessage(), e);
    } catch (IOException | UncheckedIOException e) {
      throw new BuildException("could not write the site to " + out + ": " + e.getMessage(), e);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /**
   * What the build found before any page was built: the snapshot folder, each document's inputs
   * against the cache, "now", the global hash, and the problems and warnings so far.
   */
  private record Scan(SnapshotTree tree, List<Inputs> inputs, Instant now, String global,
      List<Problem> problems, List<Problem> warnings, Path cacheFile) {}

  /**
   * Whether the site in place is the site of these inputs: the same documents, none of them
   * changed, and the same "now", which the history and index pages show.
   */
  private static boolean nothingChanged(BuildCache previous, Scan scan) {
    return previous.size() == scan.inputs().size()
        && previous.now().equals(scan.now())
        && scan.inputs().stream().allMatch(Inputs::unchanged);
  }

  /**
   * Nothing changed: the site stays exactly as it is. Only the cache is written again, when
   * some input files were touched without changing, so that they are not read again next time.
   */
  private BuildReport keepSite(Scan scan, BuildCache previous, long started)
      throws IOException {
    List<Outcome> outcomes = scan.inputs().stream().map(i -> Outcome.kept(i, true)).toList();
    for (Outcome outcome : outcomes) {
      outcome.entry().problemList().forEach(generator.listener()::problem);
      outcome.entry().warningList().forEach(generator.listener()::warning);
      generator.listener().documentDone(outcome.entry().source(), outcome.entry().name());
    }
    if (scan.inputs().stream().anyMatch(Inputs::touched)) {
      BuildCache.write(scan.cacheFile(), scan.global(), scan.now(), entries(outcomes),
          previous.siteFiles(), previous.feedExcerpts());
    }
    int kept = outcomes.stream().mapToInt(o -> o.entry().files().size()).sum();
    return report(scan, outcomes, 0, kept, true, true, started);
  }

  /**
   * Some inputs or "now" changed: the pages that come out otherwise are rendered and written
   * into the site in place, and those of removed documents and versions deleted.
   */
  private BuildReport updateInPlace(SiteOutput site, Scan scan, BuildCache previous,
      ExecutorService pool, long started) throws IOException, BuildException {
    site.updateInPlace();
    Rendered rendered = render(site, scan, Optional.of(previous), pool,
        outcomes -> currentSite(previous, outcomes));
    if (!rendered.write()) {
      return report(scan, rendered.outcomes(), 0, 0, false, false, started);
    }
    // No cache while the site is updated: a build killed in between leaves none, so the next
    // one builds everything afresh.
    BuildCache.delete(scan.cacheFile());
    site.commitInPlace(stale(previous, rendered.outcomes(), rendered.siteFiles()));
    writeCache(scan, rendered, site, pool);
    return report(scan, rendered.outcomes(), site.filesWritten(), site.filesKept(), true,
        false, started);
  }

  /** No usable cache: every page is rendered into a new site, which replaces the old one. */
  private BuildReport buildAfresh(SiteOutput site, Scan scan, ExecutorService pool,
      long started) throws IOException, BuildException {
    Rendered rendered = render(site, scan, Optional.empty(), pool,
        outcomes -> SiteStage.CurrentSite.NONE);
    if (!rendered.write()) {
      return report(scan, rendered.outcomes(), 0, 0, false, false, started);
    }
    BuildCache.delete(scan.cacheFile());
    site.commit();
    writeCache(scan, rendered, site, pool);
    return report(scan, rendered.outcomes(), site.filesWritten(), 0, true, false, started);
  }

  /**
   * What {@link #render} made: each document's outcome, the files of the site stage and the
   * excerpts its feeds used, and whether the site is to be written (not a strict build with
   * problems).
   */
  private record Rendered(List<Outcome> outcomes, List<String> siteFiles,
      Map<String, String> feedExcerpts, boolean write) {}

  /**
   * Runs the document stage for every document (keeping what {@code previous} allows) and then
   * the site stage, into the staged site.
   */
  private Rendered render(SiteOutput site, Scan scan, Optional<BuildCache> previous,
      ExecutorService pool, Function<List<Outcome>, SiteStage.CurrentSite> currentSite)
      throws IOException, BuildException {
    // A few documents to build (a rebuild after a new snapshot): their pages are built on
    // all cores instead, since the documents alone would leave cores idle.
    long toBuild = scan.inputs().stream().filter(i -> !i.unchanged()).count();
    DocumentStage stage = new DocumentStage(templates(), feeds(), generator.title(), scan.now(),
        toBuild < generator.threads());
    RecentExcerpts recent = new RecentExcerpts();
    Optional<Instant> builtAt = previous.map(BuildCache::now);
    List<Outcome> outcomes = inParallel(pool, scan.inputs(),
        i -> build(i, stage, site, recent, builtAt));
    List<DocumentSummary> summaries = summaries(outcomes);
    for (Outcome outcome : outcomes) {
      scan.problems().addAll(outcome.entry().problemList());
      scan.warnings().addAll(outcome.entry().warningList());
    }
    SiteStage.Result siteStage = new SiteStage(templates(), feeds(), generator.title(),
        generator.baseUrl(), scan.now()).build(scan.tree().sources(), summaries, site,
        currentSite.apply(outcomes), recent);
    boolean write = scan.problems().isEmpty() || !generator.strict();
    return new Rendered(outcomes, siteStage.files(), siteStage.feedExcerpts(), write);
  }

  /**
   * Writes the cache of the site just committed, with the stamp of each document's folders as
   * they are now, where this build wrote into them or did not find its stamp.
   */
  private void writeCache(Scan scan, Rendered rendered, SiteOutput site, ExecutorService pool)
      throws IOException {
    List<BuildCache.Entry> entries = inParallel(pool, rendered.outcomes(), outcome ->
        outcome.stamped() ? outcome.entry() : outcome.entry().withFolderStamp(
            site.folderStamp(outcome.entry().key(), outcome.entry().files())));
    BuildCache.write(scan.cacheFile(), scan.global(), scan.now(), entries,
        rendered.siteFiles(), rendered.feedExcerpts());
  }

  private BuildReport report(Scan scan, List<Outcome> outcomes, int written, int kept,
      boolean siteWritten, boolean nothingChanged, long started) {
    List<DocumentSummary> summaries = summaries(outcomes);
    List<Problem> problems = new ArrayList<>(scan.problems());
    List<Problem> warnings = new ArrayList<>(scan.warnings());
    if (nothingChanged) {
      for (Outcome outcome : outcomes) {
        problems.addAll(outcome.entry().problemList());
        warnings.addAll(outcome.entry().warningList());
      }
    }
    problems.sort(IN_PATH_ORDER);
    warnings.sort(IN_PATH_ORDER);
    int versions = summaries.stream().mapToInt(DocumentSummary::versions).sum();
    int changes = summaries.stream().mapToInt(s -> s.changes().size()).sum();
    int sources = (int) summaries.stream().map(DocumentSummary::source).distinct().count();
    return new BuildReport(out, sources, summaries.size(), versions, changes, written, problems,
        warnings, siteWritten, Duration.ofNanos(System.nanoTime() - started), kept,
        nothingChanged);
  }

  private static List<DocumentSummary> summaries(List<Outcome> outcomes) {
    List<DocumentSummary> summaries = new ArrayList<>();
    for (Outcome outcome : outcomes) {
      outcome.entry().documentSummary().ifPresent(summaries::add);
    }
    return summaries;
  }

  // Templates are loaded only when some page is to be rendered: a build that finds nothing
  // changed does without.
  private Templates templates;

  private Templates templates() throws BuildException {
    if (templates == null) {
      templates = loadTemplates();
    }
    return templates;
  }

  private Feeds feeds() {
    return new Feeds(generator.baseUrl(), generator.title());
  }

  /**
   * What every page depends on besides its document's own inputs and "now": the generator, the
   * options, the templates folder and where the snapshots are (problem paths name it). "Now" is
   * kept in the cache beside it, since only the pages that show now-relative text depend on it.
   */
  private String globalHash() throws IOException {
    return InputHashes.global(List.of(BuildCache.GENERATOR_VERSION,
        String.valueOf(generator.baseUrl()), generator.title(),
        snapshots.toAbsolutePath().normalize().toString()), generator.templates());
  }

  /**
   * Keeps a document's pages from the current site when it can (rendering its history page
   * again when what it says relative to "now" moved), else builds them and offers their feed
   * excerpts to {@code recent}.
   *
   * @param builtAt the "now" of the build that made the current site, when there is a cache
   */
  private Outcome build(Inputs inputs, DocumentStage stage, SiteOutput site,
      RecentExcerpts recent, Optional<Instant> builtAt) throws IOException {
    String dir = inputs.source().name() + "/" + inputs.document().name();
    Outcome outcome = null;
    if (inputs.unchanged()) {
      BuildCache.Entry entry = inputs.previous().orElseThrow();
      boolean historyMoved = entry.summary() != null
          && stage.historyMoved(entry.summary(), builtAt.orElseThrow());
      try {
        boolean stampHeld = site.keep(dir, historyMoved ? withoutHistory(entry.files())
            : entry.files(), entry.folderStamp());
        if (historyMoved) {
          stage.rewriteHistory(inputs.source(), inputs.document(), entry.summary(),
              entry.headlines(), site);
        }
        outcome = Outcome.kept(inputs, stampHeld && !historyMoved);
        entry.problemList().forEach(generator.listener()::problem);
        entry.warningList().forEach(generator.listener()::warning);
      } catch (NoSuchFileException e) {
        // The site lost some of its pages since; build them again.
      }
    }
    if (outcome == null) {
      // Hashed before its files are read to build it, as a change in between must show next
      // time; and here rather than up front when nothing needed the hash sooner.
      String hash = inputs.hash().isPresent() ? inputs.hash().get()
          : InputHashes.content(InputHashes.inputs(inputs.source(), inputs.document()));
      // With a cache, the site is updated in place and its pages of the document are those the
      // cache describes: the document stage leaves those whose inputs are the same.
      Optional<PreviousBuild> previous = inputs.previous()
          .filter(entry -> entry.summary() != null)
          .map(entry -> new PreviousBuild(entry.summary(), entry.pageKeys()));
      DocumentResult result = stage.build(inputs.source(), inputs.document(), site, previous);
      result.problems().forEach(generator.listener()::problem);
      result.warnings().forEach(generator.listener()::warning);
      result.summary().ifPresent(summary -> recent.offer(summary, result.excerpts()));
      outcome = new Outcome(BuildCache.Entry.of(inputs.source().name(), inputs.document().name(),
          inputs.fingerprint(), hash, result.summary(), result.problems(),
          result.warnings(), result.files(), result.pageKeys(), result.headlines()), false,
          false);
    }
    generator.listener().documentDone(inputs.source().name(), inputs.document().name());
    return outcome;
  }

  private static List<String> withoutHistory(List<String> files) {
    return files.stream().filter(file -> !file.equals(SiteLayout.HISTORY)).toList();
  }

  /**
   * What the site stage may take from the current site: the pages of the sources it has right
   * (every document of theirs kept, and none added or removed), the feed excerpts of the
   * documents kept, and the "now" its pages were rendered with.
   */
  private static SiteStage.CurrentSite currentSite(BuildCache previous,
      List<Outcome> outcomes) {
    Map<String, Integer> documentsBefore = new HashMap<>();
    for (BuildCache.Entry entry : previous.entries()) {
      documentsBefore.merge(entry.source(), 1, Integer::sum);
    }
    Map<String, Integer> documentsNow = new HashMap<>();
    Set<String> changed = new HashSet<>();
    Set<String> kept = new HashSet<>();
    for (Outcome outcome : outcomes) {
      documentsNow.merge(outcome.entry().source(), 1, Integer::sum);
      if (outcome.kept()) {
        kept.add(outcome.entry().key());
      } else {
        changed.add(outcome.entry().source());
      }
    }
    return new SiteStage.CurrentSite(source -> !changed.contains(source)
        && documentsNow.getOrDefault(source, 0).equals(documentsBefore.get(source)),
        document -> kept.contains(document.source() + "/" + document.name()),
        previous.feedExcerpts(), previous.now());
  }

  /**
   * The files of the current site that the new one lacks: pages of documents removed, or
   * rebuilt with fewer versions, and site pages no longer written (a source gone, a source
   * page fewer).
   */
  private static List<String> stale(BuildCache previous, List<Outcome> outcomes,
      List<String> siteFiles) {
    Map<String, BuildCache.Entry> current = new HashMap<>();
    for (Outcome outcome : outcomes) {
      current.put(outcome.entry().key(), outcome.entry());
    }
    List<String> stale = new ArrayList<>();
    for (BuildCache.Entry before : previous.entries()) {
      BuildCache.Entry after = current.get(before.key());
      if (after != null && after.files().equals(before.files())) {
        continue;
      }
      Set<String> files = after == null ? Set.of() : new HashSet<>(after.files());
      for (String file : before.files()) {
        if (!files.contains(file)) {
          stale.add(before.key() + "/" + file);
        }
      }
    }
    Set<String> written = new HashSet<>(siteFiles);
    for (String file : previous.siteFiles()) {
      if (!written.contains(file)) {
        stale.add(file);
      }
    }
    stale.sort(Comparator.naturalOrder());
    return stale;
  }

  private static List<BuildCache.Entry> entries(List<Outcome> outcomes) {
    return outcomes.stream().map(Outcome::entry).toList();
  }

  private static List<Document> documents(SnapshotTree tree) {
    List<Document> documents = new ArrayList<>();
    for (SourceInput source : tree.sources()) {
      for (DocumentInput document : source.documents()) {
        documents.add(new Document(source, document));
      }
    }
    return documents;
  }

  /** A document with its source. */
  private record Document(SourceInput source, DocumentInput document) {}

  /**
   * A document, the hash of its inputs and what the previous build knew of it.
   *
   * @param hash the hash of its inputs' contents; empty when the previous build did not have
   *     the document, as then nothing is to be compared with it before the document is built
   *     (a full build hashes each document in its own task, by when the JIT has made hashing
   *     fast, instead of all of them before the first is built)
   * @param unchanged its inputs hash as they did when the previous build wrote its pages
   * @param touched its files' sizes or times changed, whatever their contents
   */
  private record Inputs(SourceInput source, DocumentInput document, String fingerprint,
      Optional<String> hash, Optional<BuildCache.Entry> previous, boolean unchanged,
      boolean touched) {
    static Inputs of(Document document, Optional<BuildCache> cache) throws IOException {
      String fingerprint = InputHashes.fingerprint(document.source(), document.document());
      Optional<BuildCache.Entry> previous = cache.flatMap(c -> c.get(document.source().name(),
          document.document().name()));
      boolean sameFingerprint = previous.map(e -> e.fingerprint().equals(fingerprint))
          .orElse(false);
      // Hashing reads every byte; sizes and times tell first whether that is needed.
      Optional<String> hash = previous.isEmpty() ? Optional.empty()
          : Optional.of(sameFingerprint ? previous.get().hash()
              : InputHashes.content(InputHashes.inputs(document.source(), document.document())));
      boolean unchanged = hash.isPresent() && previous.get().hash().equals(hash.get());
      return new Inputs(document.source(), document.document(), fingerprint, hash, previous,
          unchanged, !sameFingerprint);
    }
  }

  /**
   * What became of one document: the cache entry that describes its pages now, whether they
   * were kept from the current site, and whether their folders are as the entry's stamp says
   * (nothing was written into them, and the stamp held).
   */
  private record Outcome(BuildCache.Entry entry, boolean kept, boolean stamped) {
    static Outcome kept(Inputs inputs, boolean stamped) {
      return new Outcome(inputs.previous().orElseThrow().withFingerprint(inputs.fingerprint()),
          true, stamped);
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

  private ExecutorService pool(int documents) {
    int threads = Math.max(1, Math.min(generator.threads(), documents));
    return Executors.newFixedThreadPool(threads,
        runnable -> daemon(runnable, "palimpsest-document"));
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  /** A step that may fail with an I/O error. */
  @FunctionalInterface
  private interface Step<T, R> {
    R apply(T input) throws IOException;
  }

  /**
   * Runs {@code step} over every item on the pool. Results come back in input order, so the
   * site does not depend on which thread finished first.
   */
  private static <T, R> List<R> inParallel(ExecutorService pool, List<T> items, Step<T, R> step)
      throws IOException {
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> step.apply(item)));
      }
      List<R> results = new ArrayList<>();
      for (Future<R> future : futures) {
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
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }
}
