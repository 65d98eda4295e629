package dev.palimpsest.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** A command of {@code palimpsest}: its options, its help, and what it does with them. */
abstract class Command {
  /** The width help text is wrapped at. */
  static final int WIDTH = 80;

  /** Its name on the command line ("build"). */
  abstract String name();

  /** What it does, in one line, for the list of commands. */
  abstract String summary();

  /** What follows the name in the usage line ("<snapshots> --out <site> [options]"). */
  abstract String synopsis();

  /** What it does, in a paragraph or two. */
  abstract String description();

  /** The lines of the help's "Examples:" section. */
  abstract String examples();

  /** The lines of the help's "Exit codes:" section. */
  abstract String exitCodes();

  /** Its options, --help aside. */
  abstract Options options();

  /**
   * Runs it on the parsed command line and returns the exit code.
   *
   * @throws UsageException when the arguments are wrong in a way the parser cannot tell
   */
  abstract int run(CommandLine line, PrintWriter out, PrintWriter err) throws UsageException;

  /** Its options with --help. */
  final Options optionsWithHelp() {
    return options().addOption(Option.builder("h").longOpt("help")
        .desc("Show this help message and exit.").build());
  }

  final void printHelp(PrintWriter out) {
    HelpFormatter formatter = new HelpFormatter();
    // In the order they are declared, most used first, not alphabetically.
    formatter.setOptionComparator(null);
    formatter.setSyntaxPrefix("Usage: ");
    formatter.printHelp(out, WIDTH, "palimpsest " + name() + " " + synopsis(),
        description() + "\n\nOptions:", optionsWithHelp(), 2, 2,
        "\nExamples:\n" + examples() + "\n\nExit codes:\n" + exitCodes(), false);
    out.flush();
  }

  /** The one argument that is not an option: a folder. */
  static Path folderArgument(CommandLine line, String what) throws UsageException {
    List<String> arguments = line.getArgList();
    if (arguments.isEmpty()) {
      throw new UsageException("missing " + what);
    }
    if (arguments.size() > 1) {
      throw new UsageException("unexpected argument '" + arguments.get(1) + "'");
    }
    return path(arguments.get(0), what);
  }

  /** The value of a path option, or {@code null} when it is not given. */
  static Path pathOption(CommandLine line, String option) throws UsageException {
    String value = line.getOptionValue(option);
    return value == null ? null : path(value, "--" + option);
  }

  private static Path path(String value, String what) throws UsageException {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new UsageException(what + " is not a usable path: " + e.getMessage());
    }
  }

  /** The value of a whole-number option, if it is given. */
  static OptionalInt intOption(CommandLine line, String option) throws UsageException {
    String value = line.getOptionValue(option);
    if (value == null) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(value.strip()));
    } catch (NumberFormatException e) {
      throw new UsageException("--" + option + " must be a whole number, not '" + value + "'");
    }
  }

  /** The arguments are wrong: the message says how, and the user is pointed to --help. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }
}
