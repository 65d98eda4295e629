package dev.palimpsest.cli;

import dev.palimpsest.BuildException;
import dev.palimpsest.Generator;
import dev.palimpsest.serve.LiveSite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code palimpsest serve}: builds the site, serves it on localhost, rebuilds on changes. */
final class ServeCommand extends Command {
  private static final int DEFAULT_PORT = 8000;

  @Override
  String name() {
    return "serve";
  }

  @Override
  String synopsis() {
    return "<snapshots> [options]";
  }

  @Override
  String summary() {
    return "Builds the site, serves it on this machine and rebuilds it on changes.";
  }

  @Override
  String description() {
    return "Builds the site of a snapshot folder, serves it at http://127.0.0.1:<port>/ and "
        + "rebuilds it whenever a snapshot or template changes. Stop it with Ctrl-C.\n\n"
        + "The site is served on this machine only (127.0.0.1), for previewing: publish the "
        + "output of 'palimpsest build' to a static host instead.";
  }

  @Override
  String examples() {
    return String.join("\n",
        "  palimpsest serve snapshots",
        "  palimpsest serve snapshots --port 8080 --templates my-templates");
  }

  @Override
  String exitCodes() {
    return String.join("\n",
        "  0  stopped",
        "  2  usage error, or the first build could not produce a site");
  }

  @Override
  Options options() {
    Options options = new Options()
        .addOption(Option.builder("p").longOpt("port").hasArg().argName("PORT")
            .desc("The port to serve on, 0 for any free one (default: " + DEFAULT_PORT + ").")
            .build())
        .addOption(Option.builder("o").longOpt("out").hasArg().argName("site")
            .desc("Where to build the site (default: a temporary folder, removed on exit).")
            .build());
    return SiteOptions.addTo(options)
        .addOption(Option.builder("q").longOpt("quiet")
            .desc("Print only problems, not a line per build.").build());
  }

  @Override
  int run(CommandLine line, PrintWriter out, PrintWriter err) throws UsageException {
    Path snapshots = folderArgument(line, "<snapshots>, the snapshot folder");
    int port = intOption(line, "port").orElse(DEFAULT_PORT);
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be between 0 and 65535, not " + port);
    }
    Path site = pathOption(line, "out");
    boolean quiet = line.hasOption("quiet");
    Generator.Builder builder = SiteOptions.builder(line);
    try (LiveSite live = LiveSite.start(builder.build(), snapshots, SiteOptions.templates(line),
        site, port,
        text -> {
          if (!quiet) {
            out.println(text);
            out.flush();
          }
        }, text -> {
          err.println(text);
          err.flush();
        })) {
      Thread hook = new Thread(() -> {
        try {
          live.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, "palimpsest-serve-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      out.println("Serving " + live.address() + " (Ctrl-C to stop)");
      out.flush();
      try {
        live.awaitClose();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // Already shutting down: the hook is closing the site.
        }
      }
      return 0;
    } catch (BuildException e) {
      err.println("palimpsest: " + e.getMessage());
      return Main.USAGE;
    } catch (IOException e) {
      err.println("palimpsest: cannot serve on port " + port + ": " + e.getMessage());
      return Main.USAGE;
    }
  }
}
