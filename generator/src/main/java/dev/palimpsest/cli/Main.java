package dev.palimpsest.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.ParseException;

/**
 * The {@code palimpsest} command: {@code palimpsest build <snapshots> --out <site>} and
 * {@code palimpsest serve <snapshots>}.
 *
 * <p>Arguments are read with Commons CLI, whose start-up is a few milliseconds: a scheduled
 * rebuild that finds nothing changed takes well under a second, and a command-line model built
 * by reflection from annotations took a quarter of that.
 */
public final class Main {
  /** Exit code for usage errors and builds that could not produce a site. */
  static final int USAGE = 2;

  /** The commands, in the order the help lists them. */
  static final List<Command> COMMANDS = List.of(new BuildCommand(), new ServeCommand());

  private static final String HELP = """
      Usage: palimpsest <command> [options]
      Publishes how documents change: turns a folder of snapshots into a static website with a
      history page per document, side-by-side diffs and feeds.

      Commands:
      %s
        help   Shows the help of a command: palimpsest help build.

      Options:
        -h, --help     Show this help message and exit.
        -V, --version  Print version information and exit.

      Examples:
        palimpsest build snapshots --out site
        palimpsest serve snapshots
        palimpsest help build

      Run 'palimpsest <command> --help' for a command's options.""".formatted(
      COMMANDS.stream().map(c -> String.format("  %-5s  %s", c.name(), c.summary()))
          .collect(Collectors.joining("\n")));

  private Main() {}

  public static void main(String[] args) {
    int code;
    try {
      code = run(args);
    } catch (OutOfMemoryError e) {
      // An error, not an exception: it passes the handler in run. The previous site is untouched.
      code = internalError(e, new PrintWriter(System.err, true));
    }
    System.exit(code);
  }

  /** Runs the command line and returns its exit code, without exiting (for tests). */
  public static int run(String... args) {
    PrintWriter out = new PrintWriter(System.out);
    PrintWriter err = new PrintWriter(System.err);
    try {
      return dispatch(args, out, err);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static int dispatch(String[] args, PrintWriter out, PrintWriter err) {
    if (args.length == 0) {
      return usageError(null, "a command is needed, such as 'build'", err);
    }
    switch (args[0]) {
      case "-h", "--help" -> {
        out.println(HELP);
        return 0;
      }
      case "-V", "--version" -> {
        out.println(version());
        return 0;
      }
      case "help" -> {
        if (args.length == 1) {
          out.println(HELP);
          return 0;
        }
        Command command = command(args[1]);
        if (command == null) {
          return usageError(null, "unknown command '" + args[1] + "'", err);
        }
        command.printHelp(out);
        return 0;
      }
      default -> {
        Command command = command(args[0]);
        if (command == null) {
          return usageError(null, "unknown command '" + args[0] + "'", err);
        }
        return run(command, Arrays.copyOfRange(args, 1, args.length), out, err);
      }
    }
  }

  private static int run(Command command, String[] args, PrintWriter out, PrintWriter err) {
    try {
      CommandLine line = DefaultParser.builder().setAllowPartialMatching(false).build()
          .parse(command.optionsWithHelp(), args);
      if (line.hasOption("help")) {
        command.printHelp(out);
        return 0;
      }
      return command.run(line, out, err);
    } catch (ParseException | Command.UsageException e) {
      return usageError(command, e.getMessage(), err);
    } catch (RuntimeException e) {
      return internalError(e, err);
    }
  }

  private static Command command(String name) {
    return COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }

  private static int usageError(Command command, String message, PrintWriter err) {
    err.println("palimpsest: " + message);
    err.println("Try 'palimpsest " + (command == null ? "" : command.name() + " ")
        + "--help' for usage.");
    return USAGE;
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

  /** The version from the jar's manifest, when there is one. */
  static String version() {
    String version = Main.class.getPackage().getImplementationVersion();
    return "palimpsest " + (version == null ? "(development build)" : version);
  }
}
