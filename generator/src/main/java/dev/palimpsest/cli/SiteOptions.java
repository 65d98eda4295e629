package dev.palimpsest.cli;

import dev.palimpsest.Generator;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** The options that shape the site, shared by {@code build} and {@code serve}. */
final class SiteOptions {
  static final String DEFAULT_TITLE = "Palimpsest";

  private SiteOptions() {}

  /** Adds the options to {@code options}; returns it. */
  static Options addTo(Options options) {
    return options
        .addOption(Option.builder().longOpt("title").hasArg().argName("TEXT")
            .desc("The site's title (default: " + DEFAULT_TITLE + ").").build())
        .addOption(Option.builder().longOpt("templates").hasArg().argName("DIR")
            .desc("A folder of templates and assets overriding the defaults, file by file.")
            .build())
        .addOption(Option.builder().longOpt("now").hasArg().argName("TIME")
            .desc("The time relative dates are measured from, as 2026-11-24T00:00:00Z "
                + "(default: SOURCE_DATE_EPOCH, else the newest snapshot's time).").build());
  }

  /** The templates folder, or {@code null} for the defaults. */
  static Path templates(CommandLine line) throws Command.UsageException {
    return Command.pathOption(line, "templates");
  }

  /** A generator builder set up from these options; a bad {@code --now} is a usage error. */
  static Generator.Builder builder(CommandLine line) throws Command.UsageException {
    Generator.Builder builder = Generator.builder().templates(templates(line))
        .title(line.getOptionValue("title", DEFAULT_TITLE));
    String now = line.getOptionValue("now");
    if (now != null) {
      try {
        builder.now(Instant.parse(now));
      } catch (DateTimeParseException e) {
        throw new Command.UsageException(
            "--now must be a UTC time such as 2026-11-24T00:00:00Z, not '" + now + "'");
      }
    }
    return builder;
  }
}
