package dev.palimpsest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher, {@code target/palimpsest}, run as a user runs it: it builds the site that
 * {@code java -jar} builds, keeps a class-data archive beside it, and rebuilds from it.
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
  void buildsWhatJavaJarBuildsAndRebuildsFromItsClassArchive() throws Exception {
    assertEquals(new Run(0, ""), launcher(Map.of(), "--out", site.toString()));
    assertEquals(0, javaJar().code());
    assertSameFiles(plain, site);
    List<Path> archives = archives();
    assertEquals(1, archives.size(), "the first build writes the archive: " + archives);
    FileTime written = Files.getLastModifiedTime(archives.get(0));

    addSnapshot();
    Path classes = work.resolve("classes.log");
    Run rebuild = launcher(Map.of("JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + classes),
        "--out", site.toString());
    assertEquals(0, rebuild.code(), rebuild.stderr());
    assertEquals(0, javaJar().code());
    assertSameFiles(plain, site);
    assertEquals(archives, archives(), "a rebuild reads the archive, and keeps it");
    assertEquals(written, Files.getLastModifiedTime(archives.get(0)));
    assertTrue(Files.readString(classes).contains(FROM_ARCHIVE),
        "the rebuild takes its classes from the archive");
  }

  @Test
  void anArchiveWrittenByARebuildThatRendersNothingHoldsWhatRenderingNeeds() throws Exception {
    assertEquals(0, javaJar("--out", site.toString()).code());
    assertEquals(new Run(0, ""), launcher(Map.of(), "--out", site.toString()));
    assertEquals(1, archives().size(), "a rebuild that lacks the archive writes it");

    addSnapshot();
    Path classes = work.resolve("classes.log");
    assertEquals(0, launcher(Map.of("JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + classes),
        "--out", site.toString()).code());
    assertTrue(Files.readString(classes).contains(FROM_ARCHIVE),
        "the classes that render pages are in the archive");
  }

  @Test
  void readsEverySpellingOfTheOutOption() throws Exception {
    List<String[]> spellings = List.of(new String[] {"-o", "a"}, new String[] {"--out=b/"},
        new String[] {"-oc"}, new String[] {"--out", "./d"});
    for (String[] out : spellings) {
      assertEquals(new Run(0, ""), launcher(Map.of(), out), String.join(" ", out));
    }
    assertEquals(List.of(".a.", ".b.", ".c.", ".d."), archives().stream()
        .map(f -> f.getFileName().toString().replaceAll("palimpsest-jvm-.*", ""))
        .toList(), "each build writes the archive beside its site");
  }

  @Test
  void aFailedBuildKeepsItsExitCodeAndNoArchive() throws Exception {
    Run run = run(Map.of(), List.of(TARGET.resolve("palimpsest").toString(), "build",
        work.resolve("missing").toString(), "--out", site.toString()), work);
    assertEquals(2, run.code());
    assertTrue(run.stderr().contains("does not exist"), run.stderr());
    assertEquals(List.of(), archives());
  }

  @Test
  void writesNoArchiveWhenTuningIsOff() throws Exception {
    assertEquals(new Run(0, ""), launcher(Map.of("PALIMPSEST_JVM_TUNING", "off"),
        "--out", site.toString()));
    assertTrue(Files.isRegularFile(site.resolve("index.html")));
    assertEquals(List.of(), archives());
  }

  /** An exit code and what went to stderr. */
  record Run(int code, String stderr) {}

  /** Runs the launcher's build of the snapshots, in the work folder. */
  private Run launcher(Map<String, String> environment, String... out) throws Exception {
    List<String> command = new ArrayList<>(List.of(TARGET.resolve("palimpsest").toString(),
        "build", snapshots.toString()));
    command.addAll(List.of(out));
    command.addAll(List.of("--now", NOW, "--quiet"));
    return run(environment, command, work);
  }

  private Run javaJar(String... out) throws Exception {
    List<String> command = new ArrayList<>(List.of(java(), "-jar",
        TARGET.resolve("palimpsest.jar").toString(), "build", snapshots.toString()));
    command.addAll(out.length > 0 ? List.of(out) : List.of("--out", plain.toString()));
    command.addAll(List.of("--now", NOW, "--quiet"));
    return run(Map.of(), command, work);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private Run run(Map<String, String> environment, List<String> command, Path folder)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
    builder.environment().remove("JAVA_OPTS");
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().putAll(environment);
    Path stderr = Files.createTempFile(work, "stderr", ".txt");
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile());
    Process process = builder.start();
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "still running: " + command);
    // The java launcher's notice of JDK_JAVA_OPTIONS is not the build's.
    String errors = Files.readAllLines(stderr).stream()
        .filter(line -> !line.startsWith("NOTE: Picked up JDK_JAVA_OPTIONS"))
        .map(line -> line + "\n").reduce("", String::concat);
    Files.delete(stderr);
    return new Run(process.exitValue(), errors);
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
      return files.filter(f -> f.getFileName().toString().contains(".palimpsest-jvm-"))
          .sorted().toList();
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
