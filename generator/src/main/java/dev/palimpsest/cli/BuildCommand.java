package dev.palimpsest.cli;

import dev.palimpsest.BuildException;
import dev.palimpsest.BuildListener;
import dev.palimpsest.BuildReport;
import dev.palimpsest.Generator;
import dev.palimpsest.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code palimpsest build}: a thin adapter from options to {@link Generator}. */
@Command(name = "build", mixinStandardHelpOptions = true,
    description = {
        "Builds the change-history site of a snapshot folder.",
        "",
        "The snapshot folder holds <source>/<document>/<time>.<ext> files, where <time> is the "
            + "UTC capture time (2026-05-03T10-22-31Z) and <ext> is html, htm, md, markdown or "
            + "txt. The new site replaces --out only once it is complete."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  palimpsest build snapshots --out site",
        "  palimpsest build snapshots --out site --title 'Terms watch' \\",
        "      --base-url https://example.org/changes/",
        "  palimpsest build snapshots --out site --strict --quiet   (for scheduled jobs)",
        "",
        "Problems are printed to stderr as 'path: reason'; on a terminal a progress bar shows "
            + "the documents done, and a summary line ends the build."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:site built, no input problems",
        "1:site built, but some inputs were reported and skipped"
            + " (with --strict: nothing written)",
        "2:usage error, or no site could be built"})
final class BuildCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "<snapshots>", description = "The snapshot folder.")
  Path snapshots;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "<site>",
      description = "Where to write the site. An existing folder is replaced only if it is "
          + "empty or a site built before.")
  Path out;

  @CommandLine.Mixin
  SiteOptions site;

  @Option(names = "--base-url", paramLabel = "URL",
      description = "The site's public address, for absolute links in feeds and the sitemap.")
  String baseUrl;

  @Option(names = "--strict",
      description = "If any input has a problem, write nothing and exit 1.")
  boolean strict;

  @Option(names = "--full",
      description = "Build every page, ignoring the build cache (by default only documents "
          + "whose snapshots or properties changed are built again).")
  boolean full;

  @Option(names = "--threads", paramLabel = "N",
      description = "Documents built at once (default: the number of processors).")
  Integer threads;

  @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary.")
  boolean quiet;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    Generator.Builder builder = site.builder(spec).strict(strict).fullBuild(full);
    try {
      if (threads != null) {
        builder.threads(threads);
      }
      builder.baseUrl(baseUrl);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    boolean showProgress = !quiet && System.console() != null;
    try (Progress progress = showProgress ? new Progress() : null) {
      if (progress != null) {
        builder.listener(progress);
      }
      BuildReport report = builder.build().generate(snapshots, out);
      if (progress != null) {
        progress.close();
      }
      for (Problem problem : report.problems()) {
        err.println(problem);
      }
      for (Problem warning : report.warnings()) {
        err.println(warning);
      }
      if (!quiet) {
        stdout.println(summary(report));
      }
      err.flush();
      stdout.flush();
      return report.hasProblems() ? 1 : 0;
    } catch (BuildException e) {
      err.println("palimpsest: " + e.getMessage());
      return Main.USAGE;
    }
  }

  private String summary(BuildReport report) {
    String counts = String.format("%d sources, %d documents, %d versions, %d changes",
        report.sources(), report.documents(), report.versions(), report.changes());
    String time = String.format("%.1f s", report.elapsed().toMillis() / 1000.0);
    if (!report.siteWritten()) {
      return "Nothing written: " + report.problems().size()
          + " input problem(s) and --strict (" + counts + ", " + time + ").";
    }
    if (report.nothingChanged()) {
      return "Nothing changed since the last build of " + report.output() + " (" + counts
          + ", " + time + ").";
    }
    return "Built " + report.output() + ": " + counts + ", " + report.pagesWritten()
        + " files written, " + report.pagesKept() + " kept, " + report.problems().size()
        + " problem(s), " + time + ".";
  }

  /** A progress bar on the terminal, one step per document. */
  private static final class Progress implements BuildListener, AutoCloseable {
    private ProgressBar bar;

    @Override
    public synchronized void started(int documents) {
      bar = new ProgressBarBuilder().setTaskName("Documents").setInitialMax(documents)
          .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).continuousUpdate()
          .build();
    }

    @Override
    public synchronized void documentDone(String source, String document) {
      if (bar != null) {
        bar.step();
      }
    }

    @Override
    public synchronized void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }
}
