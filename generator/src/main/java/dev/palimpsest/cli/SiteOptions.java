package dev.palimpsest.cli;

import dev.palimpsest.Generator;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options that shape the site, shared by {@code build} and {@code serve}. */
final class SiteOptions {
  @Option(names = "--templates", paramLabel = "DIR",
      description = "A folder of templates and assets overriding the defaults, file by file.")
  Path templates;

  @Option(names = "--title", paramLabel = "TEXT", defaultValue = "Palimpsest",
      description = "The site's title (default: ${DEFAULT-VALUE}).")
  String title;

  @Option(names = "--now", paramLabel = "TIME",
      description = "The time relative dates are measured from, as 2026-11-24T00:00:00Z "
          + "(default: SOURCE_DATE_EPOCH, else the newest snapshot's time).")
  String now;

  /** A generator builder set up from these options; a bad {@code --now} is a usage error. */
  Generator.Builder builder(CommandSpec spec) {
    Generator.Builder builder = Generator.builder().templates(templates).title(title);
    if (now != null) {
      try {
        builder.now(Instant.parse(now));
      } catch (DateTimeParseException e) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--now must be a UTC time such as 2026-11-24T00:00:00Z, not '" + now + "'");
      }
    }
    return builder;
  }
}
