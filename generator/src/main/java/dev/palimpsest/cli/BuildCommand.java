package dev.palimpsest.cli;

import dev.palimpsest.BuildException;
import dev.palimpsest.BuildListener;
import dev.palimpsest.BuildReport;
import dev.palimpsest.Generator;
import dev.palimpsest.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code palimpsest build}: a thin adapter from options to {@link Generator}. */
final class BuildCommand extends Command {
  @Override
  String name() {
    return "build";
  }

  @Override
  String synopsis() {
    return "<snapshots> --out <site> [options]";
  }

  @Override
  String summary() {
    return "Builds the change-history site of a snapshot folder.";
  }

  @Override
  String description() {
    return summary() + "\n\n"
        + "The snapshot folder holds <source>/<document>/<time>.<ext> files, where <time> is "
        + "the UTC capture time (2026-05-03T10-22-31Z) and <ext> is html, htm, md, markdown or "
        + "txt. The new site replaces --out only once it is complete.";
  }

  @Override
  String examples() {
    return String.join("\n",
        "  palimpsest build snapshots --out site",
        "  palimpsest build snapshots --out site --title 'Terms watch' \\",
        "      --base-url https://example.org/changes/",
        "  palimpsest build snapshots --out site --strict --quiet   (for scheduled jobs)",
        "",
        "Problems are printed to stderr as 'path: reason'; on a terminal a progress bar shows "
            + "the documents done, and a summary line ends the build.");
  }

  @Override
  String exitCodes() {
    return String.join("\n",
        "  0  site built, no input problems",
        "  1  site built, but some inputs were reported and skipped",
        "     (with --strict: nothing written)",
        "  2  usage error, or no site could be built");
  }

  @Override
  Options options() {
    Options options = new Options()
        .addOption(Option.builder("o").longOpt("out").hasArg().argName("site")
            .desc("Where to write the site (required). An existing folder is replaced only if "
                + "it is empty or a site built before.").build());
    SiteOptions.addTo(options);
    return options
        .addOption(Option.builder().longOpt("base-url").hasArg().argName("URL")
            .desc("The site's public address, for absolute links in feeds and the sitemap.")
            .build())
        .addOption(Option.builder().longOpt("strict")
            .desc("If any input has a problem, write nothing and exit 1.").build())
        .addOption(Option.builder().longOpt("full")
            .desc("Build every page, ignoring the build cache (by default only documents "
                + "whose snapshots or properties changed are built again).").build())
        .addOption(Option.builder().longOpt("threads").hasArg().argName("N")
            .desc("Documents built at once (default: the number of processors).").build())
        .addOption(Option.builder("q").longOpt("quiet")
            .desc("No progress bar and no summary.").build());
  }

  @Override
  int run(CommandLine line, PrintWriter out, PrintWriter err) throws UsageException {
    Path snapshots = folderArgument(line, "<snapshots>, the snapshot folder");
    Path site = pathOption(line, "out");
    if (site == null) {
      throw new UsageException("missing --out <site>, where to write the site");
    }
    boolean quiet = line.hasOption("quiet");
    Generator.Builder builder = SiteOptions.builder(line).strict(line.hasOption("strict"))
        .fullBuild(line.hasOption("full"));
    try {
      intOption(line, "threads").ifPresent(builder::threads);
      builder.baseUrl(line.getOptionValue("base-url"));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    boolean showProgress = !quiet && System.console() != null;
    try (Progress progress = showProgress ? new Progress() : null) {
      if (progress != null) {
        builder.listener(progress);
      }
      BuildReport report = builder.build().generate(snapshots, site);
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
        out.println(summary(report));
      }
      return report.hasProblems() ? 1 : 0;
    } catch (BuildException e) {
      err.println("palimpsest: " + e.getMessage());
      return Main.USAGE;
    }
  }

  private static String counts(BuildReport report) {
    return String.format("%d sources, %d documents, %d versions, %d changes",
        report.sources(), report.documents(), report.versions(), report.changes());
  }

  private static String summary(BuildReport report) {
    String counts = counts(report);
    String time = String.format("%.1f s", report.elapsed().toMillis() / 1000.0);
    if (!report.siteWritten()) {
      return "Nothing written: " + report.problems().size()
          + " input problem(s) and --strict (" + counts + ", " + time + ").";
    }
    if (report.nothingChanged()) {
      return "Nothing changed since the last build of " + report.output() + " (" + counts + ", "
          + time + ").";
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
