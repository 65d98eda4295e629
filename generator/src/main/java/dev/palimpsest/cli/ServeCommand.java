package dev.palimpsest.cli;

import dev.palimpsest.BuildException;
import dev.palimpsest.Generator;
import dev.palimpsest.serve.LiveSite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code palimpsest serve}: builds the site, serves it on localhost, rebuilds on changes. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {
        "Builds the site of a snapshot folder, serves it at http://127.0.0.1:<port>/ and "
            + "rebuilds it whenever a snapshot or template changes. Stop it with Ctrl-C.",
        "",
        "The site is served on this machine only (127.0.0.1), for previewing: publish the "
            + "output of 'palimpsest build' to a static host instead."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  palimpsest serve snapshots",
        "  palimpsest serve snapshots --port 8080 --templates my-templates"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:stopped",
        "2:usage error, or the first build could not produce a site"})
final class ServeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "<snapshots>", description = "The snapshot folder.")
  Path snapshots;

  @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "8000",
      description = "The port to serve on, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = {"-o", "--out"}, paramLabel = "<site>",
      description = "Where to build the site (default: a temporary folder, removed on exit).")
  Path out;

  @CommandLine.Mixin
  SiteOptions site;

  @Option(names = {"-q", "--quiet"}, description = "Print only problems, not a line per build.")
  boolean quiet;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--port must be between 0 and 65535, not " + port);
    }
    Generator.Builder builder = site.builder(spec);
    try (LiveSite live = LiveSite.start(builder.build(), snapshots, site.templates, out, port,
        line -> {
          if (!quiet) {
            stdout.println(line);
            stdout.flush();
          }
        }, line -> {
          err.println(line);
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
      stdout.println("Serving " + live.address() + " (Ctrl-C to stop)");
      stdout.flush();
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
      err.flush();
      return Main.USAGE;
    } catch (IOException e) {
      err.println("palimpsest: cannot serve on port " + port + ": " + e.getMessage());
      err.flush();
      return Main.USAGE;
    }
  }
}
