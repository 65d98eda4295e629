package dev.palimpsest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher, {@code target/palimpsest}, run as a user runs it: it builds the site that
 * {@code java -jar} builds, and runs a rebuild with the quick compiler and a class-data archive
 * that the first rebuild writes beside the site.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherIT {
  private static final Path TARGET = Path.of(System.getProperty("palimpsest.target", "target"));
  private static final String NOW = "2026-06-01T00:00:00Z";
  /** How the JVM names, in its class-loading log, a class it took from the archive. */
  private static final String FROM_ARCHIVE =
      "dev.palimpsest.render.Templates source: shared objects file (top)";

  @TempDir
  Path work;

  Path snapshots;
  Path site;
  Path plain;

  @BeforeEach
  void copyFixture() throws IOException, URISyntaxException {
    Path fixture = Path.of(LauncherIT.class.getResource("/fixtures/small").toURI());
    snapshots = work.resolve("snapshots");
    try (Stream<Path> files = Files.walk(fixture)) {
      for (Path file : files.toList()) {
        Files.copy(file, snapshots.resolve(fixture.relativize(file).toString()));
      }
    }
    site = work.resolve("site");
    plain = work.resolve("plain");
  }

  @Test
  void buildsWhatJavaJarBuildsAndRebuildsFromTheClassArchiveOfItsFirstRebuild()
      throws Exception {
    assertBuilt(launcher(Map.of(), "--out", site.toString()));
    assertBuilt(javaJar());
    assertSameFiles(plain, site);
    assertEquals(List.of(), archives(), "a first build writes no archive");

    assertBuilt(launcher(Map.of(), "--out", site.toString()));
    assertEquals(List.of(), archives(), "a rebuild with nothing changed starts no JVM");
    touchSnapshot();
    assertBuilt(launcher(Map.of(), "--out", site.toString()));
    List<Path> archives = archives();
    assertEquals(1, archives.size(), "the first rebuild writes the archive: " + archives);
    FileTime written = Files.getLastModifiedTime(archives.get(0));

    addSnapshot();
    Path classes = work.resolve("classes.log");
    assertBuilt(launcher(Map.of("JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + classes),
        "--out", site.toString()));
    assertBuilt(javaJar());
    assertSameFiles(plain, site);
    assertEquals(archives, archives(), "a rebuild reads the archive, and keeps it");
    assertEquals(written, Files.getLastModifiedTime(archives.get(0)));
    assertTrue(Files.readString(classes).contains(FROM_ARCHIVE),
        "the rebuild takes its classes from the archive, which a rebuild that rendered"
            + " nothing wrote");
  }

  @Test
  void runsARebuildWithTheQuickCompilerOnly() throws Exception {
    Map<String, String> flags = Map.of("JDK_JAVA_OPTIONS", "-XX:+PrintFlagsFinal");
    Run first = launcher(flags, "--out", site.toString());
    assertEquals("4", flag(first, "TieredStopAtLevel"), "a first build");
    assertEquals("35", flag(first, "C1MaxInlineSize"), "the JVM's own quick inlining");
    assertEquals("4", flag(first, "MaxInlineLevel"), "less optimised inlining");
    assertEquals("500", flag(first, "InlineSmallCode"));
    assertEquals(String.valueOf(hugePagesOnRequest()), flag(first, "UseTransparentHugePages"));
    touchSnapshot();
    Run writing = launcher(flags, "--out", site.toString());
    assertEquals("1", flag(writing, "TieredStopAtLevel"),
        "the first rebuild, which writes the archive");
    assertEquals("1", flag(writing, "CICompilerCount"));
    touchSnapshot();
    Run rebuild = launcher(flags, "--out", site.toString());
    assertEquals("1", flag(rebuild, "TieredStopAtLevel"), "a rebuild with the archive");
    assertEquals("1", flag(rebuild, "CICompilerCount"));
    assertEquals("15", flag(rebuild, "C1MaxInlineSize"));
    assertEquals("3", flag(rebuild, "C1MaxInlineLevel"));
    assertEquals("10000", flag(rebuild, "Tier3BackEdgeThreshold"));
    assertEquals(String.valueOf(hugePagesOnRequest()), flag(rebuild, "UseTransparentHugePages"));
    // Where the JVM has the option, the archive is mapped where it was written for.
    boolean pinnable = run(Map.of(), List.of(java(), "-XX:+UnlockDiagnosticVMOptions",
        "-XX:ArchiveRelocationMode=0", "-version")).code() == 0;
    List<Path> pinned;
    try (Stream<Path> files = Files.list(work)) {
      pinned = files.filter(f -> f.getFileName().toString().endsWith(".pinned")).toList();
    }
    assertEquals(pinnable ? 1 : 0, pinned.size(), "the marker of a pinnable archive");
    if (pinnable) {
      assertEquals("0", flag(rebuild, "ArchiveRelocationMode"));
    }
    Run full = launcher(flags, "--out", site.toString(), "--full");
    assertEquals("4", flag(full, "TieredStopAtLevel"), "a --full build");
    assertEquals("4", flag(full, "MaxInlineLevel"));
    assertEquals(1, archives().size());
    Run chosen = launcher(Map.of("JDK_JAVA_OPTIONS", "-XX:+PrintFlagsFinal",
        "JAVA_OPTS", "-XX:MaxInlineLevel=9"), "--out", site.toString(), "--full");
    assertEquals("9", flag(chosen, "MaxInlineLevel"), "inlining that JAVA_OPTS choose");
    assertEquals("2500", flag(chosen, "InlineSmallCode"), "and the JVM's own for the rest");
  }

  @Test
  void readsEverySpellingOfTheOutOption() throws Exception {
    List<String[]> spellings = List.of(new String[] {"-o", "a"}, new String[] {"--out=b/"},
        new String[] {"-oc"}, new String[] {"--out", "./d"});
    for (String[] out : spellings) {
      assertBuilt(launcher(Map.of(), out));
      touchSnapshot();
      assertBuilt(launcher(Map.of(), out));
    }
    assertEquals(List.of(".a.", ".b.", ".c.", ".d."), archives().stream()
        .map(f -> f.getFileName().toString().replaceAll("palimpsest-jvm-.*", ""))
        .toList(), "each site's first rebuild writes the archive beside it");
  }

  @Test
  void aRebuildWithNothingChangedSaysSoWithoutAJvm() throws Exception {
    Map<String, String> flags = Map.of("JDK_JAVA_OPTIONS", "-XX:+PrintFlagsFinal");
    String out = site.toString();
    assertTrue(ranJvm(launcherSaying(flags, "--out", out)), "a first build");
    Run noOp = launcherSaying(flags, "--out", out);
    assertBuilt(noOp);
    Run jar = run(Map.of(), List.of(java(), "-jar", TARGET.resolve("palimpsest.jar").toString(),
        "build", snapshots.toString(), "--out", out, "--now", NOW));
    assertTrue(jar.stdout().startsWith("Nothing changed"), jar.stdout());
    assertTrue(ranJvm(launcherSaying(flags, "--out", out)),
        "any build of the site removes the launcher's note");
    assertFalse(ranJvm(launcherSaying(flags, "--out", out)));
    assertEquals(jar.stdout().replaceFirst(", [0-9.]+ s\\)\\.\n$", ").\n"), noOp.stdout(),
        "what the build would say, without its time, and no JVM flags printed");

    // Anything a build reads, changed, reaches the JVM; after it, nothing changed again.
    Path hidden = snapshots.resolve("town-notes/.notes");
    Files.writeString(hidden, "a hidden file, which builds leave out");
    assertTrue(ranJvm(launcherSaying(flags, "--out", out)), "its folder's time changed");
    Files.writeString(hidden, "changed, and still left out");
    assertFalse(ranJvm(launcherSaying(flags, "--out", out)), "a hidden file");
    touchSnapshot();
    assertTrue(ranJvm(launcherSaying(flags, "--out", out)), "a snapshot's time");
    assertFalse(ranJvm(launcherSaying(flags, "--out", out)));
    addSnapshot();
    assertTrue(ranJvm(launcherSaying(flags, "--out", out)), "a new snapshot");
    assertTrue(ranJvm(launcherSaying(flags, "--out", out, "--title", "Other")), "an option");
    assertTrue(ranJvm(launcherSaying(Map.of("JDK_JAVA_OPTIONS", "-XX:+PrintFlagsFinal",
        "SOURCE_DATE_EPOCH", "1780000000"), "--out", out, "--title", "Other")),
        "SOURCE_DATE_EPOCH");
    assertTrue(ranJvm(launcherSaying(flags, "--out", out, "--title", "Other", "--full")),
        "--full");
    Files.delete(Files.list(snapshots.resolve("quiet-app/terms"))
        .filter(f -> f.toString().endsWith(".md")).sorted().findFirst().orElseThrow());
    assertTrue(ranJvm(launcherSaying(flags, "--out", out, "--title", "Other")),
        "a removed snapshot");
    assertFalse(ranJvm(launcherSaying(flags, "--out", out, "--title", "Other")));
    assertBuilt(javaJar("--out", plain.toString(), "--title", "Other"));
    assertSameFiles(plain, site);

    // A build with problems notes nothing: the next one reports them again.
    Files.writeString(snapshots.resolve("town-notes/bin-collection/not-a-time.txt"), "text");
    for (int build = 0; build < 2; build++) {
      Run problems = launcherSaying(flags, "--out", out, "--title", "Other");
      assertEquals(1, problems.code(), problems.stderr());
      assertTrue(problems.stderr().contains("not-a-time.txt"), problems.stderr());
      assertTrue(problems.stdout().contains("TieredStopAtLevel"));
    }
  }

  @Test
  void aFailedRebuildKeepsItsExitCodeAndNoArchive() throws Exception {
    assertBuilt(launcher(Map.of(), "--out", site.toString()));
    Run run = run(Map.of(), List.of(TARGET.resolve("palimpsest").toString(), "build",
        work.resolve("missing").toString(), "--out", site.toString()));
    assertEquals(2, run.code());
    assertTrue(run.stderr().contains("does not exist"), run.stderr());
    assertEquals(List.of(), archives());
  }

  @Test
  void writesNoArchiveWhenTuningIsOff() throws Exception {
    for (int build = 0; build < 2; build++) {
      assertBuilt(launcher(Map.of("PALIMPSEST_JVM_TUNING", "off"), "--out", site.toString()));
    }
    assertTrue(Files.isRegularFile(site.resolve("index.html")));
    assertEquals(List.of(), archives());
  }

  /** An exit code and what went to stdout and stderr. */
  record Run(int code, String stdout, String stderr) {}

  private static void assertBuilt(Run run) {
    assertEquals(0, run.code(), run.stderr());
    assertEquals("", run.stderr());
  }

  /** Whether Linux gives huge pages to a process that asks (transparent huge pages). */
  private static boolean hugePagesOnRequest() throws IOException {
    Path setting = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    if (!Files.isReadable(setting)) {
      return false;
    }
    String mode = Files.readString(setting);
    return mode.contains("[madvise]") || mode.contains("[always]");
  }

  /** The value of a flag of the JVM that printed its flags. */
  private static String flag(Run run, String name) {
    assertBuilt(run);
    Matcher value = Pattern.compile(" " + name + "\\s+=\\s+(\\w+)").matcher(run.stdout());
    assertTrue(value.find(), name + " in " + run.stdout());
    return value.group(1);
  }

  /** Whether a run that exited 0 started a JVM (that printed its flags). */
  private static boolean ranJvm(Run run) {
    assertBuilt(run);
    return run.stdout().contains("TieredStopAtLevel");
  }

  /** The launcher's build of the snapshots, not --quiet. */
  private Run launcherSaying(Map<String, String> environment, String... out) throws Exception {
    List<String> command = new ArrayList<>(List.of(TARGET.resolve("palimpsest").toString(),
        "build", snapshots.toString()));
    command.addAll(List.of(out));
    command.addAll(List.of("--now", NOW));
    return run(environment, command);
  }

  /** Gives a snapshot a later time, not other contents: a build reads it again. */
  private void touchSnapshot() throws IOException {
    Path snapshot = snapshots.resolve("town-notes/bridge-report/2026-01-10T09-00-00Z.html");
    touches++;
    Files.setLastModifiedTime(snapshot, FileTime.fromMillis(
        Files.getLastModifiedTime(snapshot).toMillis() + touches * 1000L));
  }

  private int touches;

  /** Runs the launcher's build of the snapshots, in the work folder. */
  private Run launcher(Map<String, String> environment, String... out) throws Exception {
    List<String> command = new ArrayList<>(List.of(TARGET.resolve("palimpsest").toString(),
        "build", snapshots.toString()));
    command.addAll(List.of(out));
    command.addAll(List.of("--now", NOW, "--quiet"));
    return run(environment, command);
  }

  private Run javaJar(String... out) throws Exception {
    List<String> command = new ArrayList<>(List.of(java(), "-jar",
        TARGET.resolve("palimpsest.jar").toString(), "build", snapshots.toString()));
    command.addAll(out.length > 0 ? List.of(out) : List.of("--out", plain.toString()));
    command.addAll(List.of("--now", NOW, "--quiet"));
    return run(Map.of(), command);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Runs a command in the work folder. */
  private Run run(Map<String, String> environment, List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
    builder.environment().remove("JAVA_OPTS");
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().putAll(environment);
    Path stdout = Files.createTempFile(work, "stdout", ".txt");
    Path stderr = Files.createTempFile(work, "stderr", ".txt");
    builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    Process process = builder.start();
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "still running: " + command);
    // The java launcher's notice of JDK_JAVA_OPTIONS is not the build's.
    String errors = Files.readAllLines(stderr).stream()
        .filter(line -> !line.startsWith("NOTE: Picked up JDK_JAVA_OPTIONS"))
        .map(line -> line + "\n").reduce("", String::concat);
    Run run = new Run(process.exitValue(), Files.readString(stdout), errors);
    Files.delete(stdout);
    Files.delete(stderr);
    return run;
  }

  private void addSnapshot() throws IOException {
    Path document = snapshots.resolve("town-notes/bin-collection");
    Path latest;
    try (Stream<Path> files = Files.list(document)) {
      latest = files.filter(f -> !f.getFileName().toString().endsWith(".properties"))
          .max(Comparator.naturalOrder()).orElseThrow();
    }
    String name = latest.getFileName().toString();
    Files.writeString(document.resolve("2026-05-01T00-00-00Z" + name.substring(
        name.lastIndexOf('.'))), Files.readString(latest) + "\n\nA paragraph added later.\n");
  }

  /** The class-data archives beside the site, and any half-written one. */
  private List<Path> archives() throws IOException {
    try (Stream<Path> files = Files.list(work)) {
      return files.filter(f -> f.getFileName().toString().matches(
          ".*\\.palimpsest-jvm-.*\\.jsa(\\.\\d+)?")).sorted().toList();
    }
  }

  private static void assertSameFiles(Path expected, Path actual) throws IOException {
    List<Path> expectedFiles = files(expected);
    assertEquals(expectedFiles.stream().map(expected::relativize).toList(),
        files(actual).stream().map(actual::relativize).toList());
    for (Path file : expectedFiles) {
      Path other = actual.resolve(expected.relativize(file).toString());
      assertEquals(-1, Files.mismatch(file, other), "differs: " + other);
    }
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
