package dev.palimpsest.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code palimpsest} command: {@code palimpsest build <snapshots> --out <site>} and
 * {@code palimpsest serve <snapshots>}.
 */
@Command(name = "palimpsest", mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Publishes how documents change: turns a folder of snapshots into a static "
        + "website with a history page per document, side-by-side diffs and feeds.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  palimpsest build snapshots --out site",
        "  palimpsest serve snapshots",
        "  palimpsest help build",
        "",
        "Run 'palimpsest <command> --help' for a command's options."},
    subcommands = {BuildCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  /** Exit code for usage errors and builds that could not produce a site. */
  static final int USAGE = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    int code;
    try {
      code = run(args);
    } catch (OutOfMemoryError e) {
      // Thrown past picocli, which handles exceptions only. The previous site is untouched.
      code = internalError(e, new PrintWriter(System.err, true));
    }
    System.exit(code);
  }

  /** Runs the command line and returns its exit code, without exiting (for tests). */
  public static int run(String... args) {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setExitCodeExceptionMapper(e -> USAGE);
    commandLine.setParameterExceptionHandler((e, arguments) -> {
      CommandLine failed = e.getCommandLine();
      failed.getErr().println("palimpsest: " + e.getMessage());
      failed.getErr().println("Try 'palimpsest " + (failed == commandLine ? "" : failed
          .getCommandName() + " ") + "--help' for usage.");
      return USAGE;
    });
    commandLine.setExecutionExceptionHandler((e, failed, parsed) ->
        internalError(e, failed.getErr()));
    commandLine.getCommandSpec().exitCodeOnUsageHelp(0);
    return commandLine.execute(args);
  }

  /**
   * Reports a failure of Palimpsest itself, not of its input, in one line (the previous site is
   * left as it was) and returns exit code 2.
   */
  static int internalError(Throwable e, PrintWriter err) {
    if (e instanceof OutOfMemoryError) {
      err.println("palimpsest: out of memory; the previous site is left as it was. Give Java "
          + "more heap, e.g. java -Xmx1g -jar palimpsest.jar ...");
    } else {
      err.println("palimpsest: internal error, the previous site is left as it was: " + e);
    }
    err.flush();
    return USAGE;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a command is needed, such as 'build'");
  }

  /** The version from the jar's manifest, when there is one. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"palimpsest " + (version == null ? "(development build)" : version)};
    }
  }
}
