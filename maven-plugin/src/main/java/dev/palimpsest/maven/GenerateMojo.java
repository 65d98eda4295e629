package dev.palimpsest.maven;

import dev.palimpsest.BuildException;
import dev.palimpsest.BuildListener;
import dev.palimpsest.BuildReport;
import dev.palimpsest.Generator;
import java.io.File;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds a change-history site from a folder of document snapshots: a history page per
 * document, a diff page per change, index pages, RSS/Atom feeds and {@code changes.json}.
 *
 * <p>Bound to the {@code package} phase, so declaring an execution with this goal is enough;
 * {@code mvn palimpsest:generate} runs it on its own. Inputs that cannot be used (a badly named
 * snapshot, an unknown extension) are logged as warnings and skipped; with {@code strict} they
 * fail the build and no site is written.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {

  /**
   * The snapshot folder: one sub-folder per source, one per document inside it, and one file
   * per snapshot named by its UTC capture time, such as {@code 2026-05-03T10-22-31Z.html}.
   */
  @Parameter(property = "palimpsest.snapshotsDirectory",
      defaultValue = "${project.basedir}/snapshots", required = true)
  private File snapshotsDirectory;

  /**
   * Where the site is written. It replaces the folder's previous content only once it is
   * complete.
   */
  @Parameter(property = "palimpsest.outputDirectory",
      defaultValue = "${project.build.directory}/site", required = true)
  private File outputDirectory;

  /**
   * A folder of Freemarker templates and assets that override the built-in ones file by file,
   * such as {@code index.ftlh} or {@code assets/site.css}. Unset: the built-in templates.
   */
  @Parameter(property = "palimpsest.templatesDirectory")
  private File templatesDirectory;

  /**
   * The site's public http(s) address, used for absolute links in feeds and the sitemap. Pages
   * always link relatively. Unset: feeds link relatively too.
   */
  @Parameter(property = "palimpsest.baseUrl")
  private String baseUrl;

  /** The site's title, shown on every page and in the site feeds. */
  @Parameter(property = "palimpsest.title", defaultValue = "${project.name}")
  private String title;

  /**
   * The moment that relative times ("changed 3 days ago") are measured from, as an ISO-8601
   * instant such as {@code 2026-11-24T00:00:00Z}. Unset: {@code SOURCE_DATE_EPOCH} when the
   * environment has it, else the newest snapshot's time, so the same input always gives the same
   * site.
   */
  @Parameter(property = "palimpsest.now")
  private String now;

  /**
   * Fail the build when any input cannot be used, and then write nothing, leaving the previous
   * site as it was. Otherwise such inputs are logged as warnings and the rest of the site is
   * built.
   */
  @Parameter(property = "palimpsest.strict", defaultValue = "false")
  private boolean strict;

  /**
   * Build every page, ignoring the build cache kept beside the output folder. Otherwise only
   * documents whose snapshots or properties changed are built again.
   */
  @Parameter(property = "palimpsest.full", defaultValue = "false")
  private boolean full;

  /** How many documents are built at once. Unset: the number of processors. */
  @Parameter(property = "palimpsest.threads")
  private Integer threads;

  /** Skip the site generation. */
  @Parameter(property = "palimpsest.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Log log = getLog();
    if (skip) {
      log.info("Palimpsest site generation skipped (palimpsest.skip)");
      return;
    }
    Generator generator = configure(log);
    log.info("Building the Palimpsest site from " + snapshotsDirectory + " into " + outputDirectory);
    BuildReport report;
    try {
      report = generator.generate(snapshotsDirectory.toPath(), outputDirectory.toPath());
    } catch (BuildException e) {
      throw new MojoFailureException("No Palimpsest site could be built: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException("Palimpsest failed unexpectedly: " + e, e);
    }
    // Logged from the report rather than as the listener hears them, so they come in path order.
    report.problems().forEach(problem -> log.warn(problem.toString()));
    report.warnings().forEach(warning -> log.warn(warning.toString()));
    if (!report.siteWritten() || (strict && report.hasProblems())) {
      throw new MojoFailureException(report.problems().size()
          + " input(s) could not be used and strict is set, so no site was written:"
          + report.problems().stream().map(p -> "\n  " + p).collect(Collectors.joining()));
    }
    log.info(String.format("Built %d document(s) from %d source(s): %d version(s), %d change(s), "
            + "%d file(s) written in %d ms%s", report.documents(), report.sources(),
        report.versions(), report.changes(), report.pagesWritten(), report.elapsed().toMillis(),
        report.hasProblems() ? "; " + report.problems().size() + " input(s) skipped" : ""));
  }

  private Generator configure(Log log) throws MojoFailureException {
    Generator.Builder builder = Generator.builder()
        .templates(templatesDirectory == null ? null : templatesDirectory.toPath())
        .now(parseNow())
        .strict(strict)
        .fullBuild(full)
        .listener(new BuildListener() {
          @Override
          public void started(int documents) {
            log.info("Found " + documents + " document(s)");
          }

          @Override
          public void documentDone(String source, String document) {
            log.debug("Built " + source + "/" + document);
          }
        });
    if (title != null) {
      builder.title(title);
    }
    if (threads != null) {
      try {
        builder.threads(threads);
      } catch (IllegalArgumentException e) {
        throw new MojoFailureException("Invalid threads: " + e.getMessage(), e);
      }
    }
    try {
      builder.baseUrl(baseUrl);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("Invalid baseUrl '" + baseUrl + "': " + e.getMessage(), e);
    }
    return builder.build();
  }

  private Instant parseNow() throws MojoFailureException {
    if (now == null || now.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(now.strip());
    } catch (DateTimeParseException e) {
      throw new MojoFailureException("Invalid now '" + now
          + "': expected an ISO-8601 instant such as 2026-11-24T00:00:00Z", e);
    }
  }
}
