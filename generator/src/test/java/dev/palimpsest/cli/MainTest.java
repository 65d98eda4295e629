package dev.palimpsest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: exit codes, messages on stderr, the site on disk. */
class MainTest {
  static final String SMALL = "src/test/resources/fixtures/small";
  static final String BAD = "src/test/resources/fixtures/bad";

  @TempDir
  Path work;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  @BeforeEach
  void captureStreams() {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStreams() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void goodInputBuildsTheSiteAndExitsZero() {
    Path site = work.resolve("site");
    assertEquals(0, Main.run("build", SMALL, "--out", site.toString(),
        "--now", "2026-06-01T00:00:00Z"));
    assertTrue(Files.isRegularFile(site.resolve("index.html")));
    assertEquals("", stderr());
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Built "));
  }

  @Test
  void badInputIsNamedOnStderrTheRestIsBuiltAndExitIsOne() {
    Path site = work.resolve("site");
    assertEquals(1, Main.run("build", BAD, "--out", site.toString(), "--quiet"));
    assertTrue(stderr().contains("yesterday.html: file name is not a capture time"), stderr());
    assertFalse(stderr().contains("Exception"), "no stack trace: " + stderr());
    assertTrue(Files.isRegularFile(site.resolve("index.html")));
  }

  @Test
  void strictWritesNothingAndKeepsThePreviousSite() throws Exception {
    Path site = work.resolve("site");
    assertEquals(0, Main.run("build", SMALL, "--out", site.toString(), "--quiet"));
    byte[] before = Files.readAllBytes(site.resolve("index.html"));
    assertEquals(1, Main.run("build", BAD, "--out", site.toString(), "--strict"));
    assertTrue(stderr().contains("yesterday.html"));
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(site.resolve("index.html"))));
    try (var siblings = Files.list(work)) {
      assertEquals(List.of("site"), siblings.map(p -> p.getFileName().toString())
          .filter(name -> !name.endsWith(".lock") && !name.endsWith(".palimpsest-cache"))
          .toList(), "no staging folder is left behind");
    }
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, Main.run("build", SMALL));
    assertTrue(stderr().contains("--out"), stderr());
    assertEquals(2, Main.run("build", SMALL, "--out", work.resolve("s").toString(),
        "--now", "yesterday"));
    assertTrue(stderr().contains("--now must be a UTC time"), stderr());
    assertEquals(2, Main.run("frobnicate"));
  }

  @Test
  void helpCommandVersionAndAbbreviatedOptions() {
    assertEquals(0, Main.run("help", "build"));
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: palimpsest build "));
    out.reset();
    assertEquals(0, Main.run("--version"));
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("palimpsest "));
    // An abbreviation could come to mean another option later: only whole names are taken.
    assertEquals(2, Main.run("build", SMALL, "--out", work.resolve("s").toString(), "--qui"));
    assertTrue(stderr().contains("--qui") && stderr().contains("palimpsest build --help"),
        stderr());
    assertFalse(Files.exists(work.resolve("s")), "nothing is built");
  }

  @Test
  void failuresOfPalimpsestItselfAreOneLineAndExitTwo() {
    java.io.StringWriter text = new java.io.StringWriter();
    java.io.PrintWriter writer = new java.io.PrintWriter(text);
    assertEquals(2, Main.internalError(new OutOfMemoryError("Java heap space"), writer));
    assertEquals(2, Main.internalError(new IllegalStateException("a bug"), writer));
    String[] lines = text.toString().split("\n");
    assertEquals(2, lines.length, text.toString());
    assertTrue(lines[0].startsWith("palimpsest: out of memory") && lines[0].contains("-Xmx"),
        lines[0]);
    assertTrue(lines[1].contains("internal error") && lines[1].contains("a bug"), lines[1]);
  }

  @Test
  void aMissingSnapshotFolderExitsTwoWithAReason() {
    assertEquals(2, Main.run("build", work.resolve("nowhere").toString(), "--out",
        work.resolve("site").toString()));
    assertTrue(stderr().contains("does not exist"), stderr());
  }

  @Test
  void refusesToReplaceAFolderThatIsNotASite() throws Exception {
    Path precious = Files.createDirectories(work.resolve("precious"));
    Files.writeString(precious.resolve("thesis.txt"), "do not lose");
    assertEquals(2, Main.run("build", SMALL, "--out", precious.toString()));
    assertTrue(Files.isRegularFile(precious.resolve("thesis.txt")));
    assertTrue(stderr().contains("not a Palimpsest site"), stderr());
  }

  @Test
  void templatesAndAssetsAreOverriddenFileByFile() throws Exception {
    Path templates = Files.createDirectories(work.resolve("templates/assets"));
    Files.writeString(templates.getParent().resolve("source.ftlh"),
        "<#import \"layout.ftlh\" as layout><@layout.page><h1>Custom ${source.name}</h1>"
            + "</@layout.page>");
    Files.writeString(templates.resolve("extra.css"), "p { color: teal; }");
    Path site = work.resolve("site");
    assertEquals(0, Main.run("build", SMALL, "--out", site.toString(), "--quiet",
        "--templates", templates.getParent().toString()));
    assertTrue(Files.readString(site.resolve("town-notes/index.html"))
        .contains("<h1>Custom Town Notes</h1>"));
    assertTrue(Files.readString(site.resolve("index.html")).contains("Recent changes"),
        "templates not overridden keep their defaults");
    assertEquals("p { color: teal; }", Files.readString(site.resolve("assets/extra.css")));
    assertTrue(Files.isRegularFile(site.resolve("assets/style.css")));
  }

  @Test
  void aBrokenTemplateIsNamedAndExitsTwo() throws Exception {
    Path templates = Files.createDirectories(work.resolve("templates"));
    Files.writeString(templates.resolve("index.ftlh"), "<#if>");
    assertEquals(2, Main.run("build", SMALL, "--out", work.resolve("site").toString(),
        "--templates", templates.toString()));
    assertTrue(stderr().contains("index.ftlh"), stderr());
    assertFalse(Files.exists(work.resolve("site")), "nothing is written");
  }

  @Test
  void helpDocumentsEveryOption() {
    assertEquals(0, Main.run("build", "--help"));
    String help = out.toString(StandardCharsets.UTF_8);
    for (String option : new String[] {"--out", "--templates", "--base-url", "--title", "--now",
        "--strict", "--quiet"}) {
      assertTrue(help.contains(option), option + " in --help");
    }
  }

  @Test
  void everyOptionOfEveryCommandHasADescriptionAndHelpShowsExamples() {
    for (Command command : Main.COMMANDS) {
      for (Option option : command.optionsWithHelp().getOptions()) {
        assertTrue(option.getDescription() != null && !option.getDescription().isBlank(),
            command.name() + " --" + option.getLongOpt() + " has a description");
        assertTrue(option.getLongOpt() != null, command.name() + " -" + option.getOpt()
            + " has a long name");
      }
    }
    for (String command : new String[] {"build", "serve"}) {
      out.reset();
      assertEquals(0, Main.run(command, "--help"));
      String help = out.toString(StandardCharsets.UTF_8);
      assertTrue(help.contains("Examples:") && help.contains("palimpsest " + command + " "),
          help);
      assertTrue(help.contains("Exit codes:"), help);
    }
    out.reset();
    assertEquals(0, Main.run("--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("serve"));
  }
}
