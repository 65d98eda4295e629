package dev.palimpsest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher, {@code target/palimpsest}, run as a user runs it: it finds its jar through
 * symbolic links, builds the site that {@code java -jar} builds, and runs a rebuild, and only a
 * rebuild, with the quick compiler only.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherIT {
  private static final Path TARGET = Path.of(System.getProperty("palimpsest.target", "target"))
      .toAbsolutePath();
  private static final Path LAUNCHER = TARGET.resolve("palimpsest");
  /** Makes the JVM print its flags, to stdout, before the build starts. */
  private static final Map<String, String> PRINT_FLAGS =
      Map.of("JDK_JAVA_OPTIONS", "-XX:+PrintFlagsFinal");

  @TempDir
  Path work;

  @BeforeEach
  void copyFixture() throws IOException, URISyntaxException {
    Path fixture = Path.of(LauncherIT.class.getResource("/fixtures/small").toURI());
    Path snapshots = work.resolve("snapshots");
    try (Stream<Path> files = Files.walk(fixture)) {
      for (Path file : files.toList()) {
        Files.copy(file, snapshots.resolve(fixture.relativize(file).toString()));
      }
    }
  }

  @Test
  void buildsByteForByteWhatJavaJarBuilds() throws Exception {
    assertBuilt(build(Map.of(), List.of(LAUNCHER.toString()), "--out", "site"));
    assertBuilt(javaJar("--out", "plain"));
    assertSameFiles(work.resolve("plain"), work.resolve("site"));

    addSnapshot();
    assertTrue(Files.isRegularFile(work.resolve(".site.palimpsest-cache")), "a rebuild");
    assertBuilt(build(Map.of(), List.of(LAUNCHER.toString()), "--out", "site"));
    assertBuilt(javaJar("--out", "plain"));
    assertSameFiles(work.resolve("plain"), work.resolve("site"));
  }

  @Test
  void runsARebuildOnlyWithTheQuickCompilerAndJavaOptsWin() throws Exception {
    assertEquals("4", tier(launcher(PRINT_FLAGS, "--out", "site")), "a first build");
    assertEquals("1", tier(launcher(PRINT_FLAGS, "--out", "site")), "a rebuild");
    assertEquals("4", tier(launcher(PRINT_FLAGS, "--out", "site", "--full")), "a --full build");
    Run chosen = launcher(Map.of("JDK_JAVA_OPTIONS", "-XX:+PrintFlagsFinal",
        "JAVA_OPTS", "-XX:TieredStopAtLevel=4  -Xmx300m"), "--out", "site");
    assertEquals("4", tier(chosen), "a rebuild whose JAVA_OPTS choose the compilers");
    assertEquals(String.valueOf(300L << 20), flag(chosen, "MaxHeapSize"),
        "JAVA_OPTS split into words");
  }

  @Test
  void readsEverySpellingOfTheOutOption() throws Exception {
    List<List<String>> spellings = List.of(List.of("-o", "a"), List.of("--out=b/"),
        List.of("-oc"), List.of("--out", "./d"), List.of("-o", work + "/snapshots/../e"));
    for (List<String> out : spellings) {
      String[] options = out.toArray(String[]::new);
      assertBuilt(launcher(Map.of(), options));
      assertEquals("1", tier(launcher(PRINT_FLAGS, options)), "the second build of " + out);
    }
    for (String site : List.of("a", "b", "c", "d", "e")) {
      assertTrue(Files.isRegularFile(work.resolve(site).resolve("index.html")), site);
    }
  }

  @Test
  void findsItsJarThroughSymbolicLinks() throws Exception {
    Path real = work.toRealPath();
    Path absolute = Files.createDirectories(real.resolve("bin")).resolve("palimpsest");
    Files.createSymbolicLink(absolute, LAUNCHER.toRealPath());
    Path relative = Files.createDirectories(real.resolve("opt/bin")).resolve("palimpsest");
    Files.createSymbolicLink(relative, relative.getParent().relativize(LAUNCHER.toRealPath()));
    Path chain = Files.createDirectories(real.resolve("links")).resolve("pal");
    Files.createSymbolicLink(chain, Path.of("../opt/bin/palimpsest"));

    Map<Path, String> links = Map.of(absolute, "s1", relative, "s2", chain, "s3");
    for (Map.Entry<Path, String> link : links.entrySet()) {
      assertBuilt(build(Map.of(), List.of(link.getKey().toString()), "--out", link.getValue()));
      assertTrue(Files.isRegularFile(work.resolve(link.getValue()).resolve("index.html")),
          "built through " + link.getKey());
    }
  }

  @Test
  void runsTheJavaOnThePathWithoutJavaHome() throws Exception {
    String javaHome = System.getProperty("java.home");
    Map<String, String> environment = new HashMap<>();
    environment.put("JAVA_HOME", null);
    environment.put("PATH", javaHome + "/bin:/usr/bin:/bin");
    environment.put("JDK_JAVA_OPTIONS", "-XshowSettings:properties");
    Run run = launcher(environment, "--out", "site");
    assertEquals(0, run.code(), run.stderr());
    assertTrue(run.stderr().contains("java.home = " + javaHome), run.stderr());
    assertTrue(Files.isRegularFile(work.resolve("site/index.html")));

    environment.put("JAVA_HOME", "");
    run = launcher(environment, "--out", "site");
    assertEquals(0, run.code(), run.stderr());
    assertTrue(run.stderr().contains("java.home = " + javaHome), "JAVA_HOME empty");
  }

  @Test
  void passesTheBuildsExitCodesThrough() throws Exception {
    Run missing = run(Map.of(), List.of(LAUNCHER.toString(), "build", "missing", "--out",
        "site"));
    assertEquals(2, missing.code(), missing.stderr());
    assertTrue(missing.stderr().contains("does not exist"), missing.stderr());

    assertBuilt(launcher(Map.of(), "--out", "site"));
    Files.writeString(work.resolve("snapshots/town-notes/bin-collection/not-a-time.txt"), "text");
    Run problem = launcher(Map.of(), "--out", "site");
    assertEquals(1, problem.code(), problem.stderr());
    assertTrue(problem.stderr().contains("not-a-time.txt"), problem.stderr());
  }

  @Test
  void runsUnderDash() throws Exception {
    assertBuilt(build(Map.of(), List.of("dash", LAUNCHER.toString()), "--out", "site"));
    assertEquals("1", tier(build(PRINT_FLAGS, List.of("dash", LAUNCHER.toString()),
        "--out", "site")), "a rebuild");
  }

  @Test
  void runsUnderBusyBoxWithNoGnuTool() throws Exception {
    Optional<Path> busybox = onPath("busybox");
    Assumptions.assumeTrue(busybox.isPresent(), "busybox is not installed");
    // The applets the launcher runs, and nothing else, before the test JVM's java.
    Path applets = Files.createDirectories(work.resolve("busybox"));
    Files.createSymbolicLink(applets.resolve("readlink"), busybox.get());
    Path link = Files.createDirectories(work.resolve("bin")).resolve("palimpsest");
    Files.createSymbolicLink(link, LAUNCHER);
    Map<String, String> environment = new HashMap<>(PRINT_FLAGS);
    environment.put("PATH", applets + ":" + System.getProperty("java.home") + "/bin");
    environment.put("JAVA_HOME", null);
    List<String> command = List.of(busybox.get().toString(), "sh", link.toString());

    assertEquals("4", tier(build(environment, command, "--out", "site")), "a first build");
    assertTrue(Files.isRegularFile(work.resolve("site/index.html")));
    assertEquals("1", tier(build(environment, command, "--out", "site")), "a rebuild");
  }

  /** An exit code and what went to stdout and stderr. */
  record Run(int code, String stdout, String stderr) {}

  private static void assertBuilt(Run run) {
    assertEquals(0, run.code(), run.stderr());
    assertEquals("", run.stderr());
  }

  /** The highest tier the JVM that printed its flags compiles at: 1 is the quick compiler. */
  private static String tier(Run run) {
    return flag(run, "TieredStopAtLevel");
  }

  /** The value of a flag of the JVM that printed its flags, after a build without problems. */
  private static String flag(Run run, String name) {
    assertBuilt(run);
    Matcher value = Pattern.compile(" " + name + "\\s+=\\s+(\\w+)").matcher(run.stdout());
    assertTrue(value.find(), name + " in " + run.stdout());
    return value.group(1);
  }

  /** Runs the launcher's build of the snapshots. */
  private Run launcher(Map<String, String> environment, String... out) throws Exception {
    return build(environment, List.of(LAUNCHER.toString()), out);
  }

  private Run javaJar(String... out) throws Exception {
    return build(Map.of(), List.of(java(), "-jar", TARGET.resolve("palimpsest.jar").toString()),
        out);
  }

  /** Runs {@code palimpsest build snapshots <out> --quiet} with the given program. */
  private Run build(Map<String, String> environment, List<String> palimpsest, String... out)
      throws Exception {
    List<String> command = new ArrayList<>(palimpsest);
    command.addAll(List.of("build", "snapshots"));
    command.addAll(List.of(out));
    command.add("--quiet");
    return run(environment, command);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A program in a folder of this JVM's PATH. */
  private static Optional<Path> onPath(String name) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .filter(folder -> !folder.isEmpty()).map(folder -> Path.of(folder, name))
        .filter(Files::isExecutable).findFirst();
  }

  /**
   * Runs a command in the work folder, with JAVA_HOME this JVM's, no JAVA_OPTS and no
   * SOURCE_DATE_EPOCH, then {@code environment}, where null removes a variable.
   */
  private Run run(Map<String, String> environment, List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
    Map<String, String> variables = builder.environment();
    variables.remove("JAVA_OPTS");
    variables.remove("JDK_JAVA_OPTIONS");
    variables.remove("SOURCE_DATE_EPOCH");
    variables.put("JAVA_HOME", System.getProperty("java.home"));
    environment.forEach((name, value) -> {
      if (value == null) {
        variables.remove(name);
      } else {
        variables.put(name, value);
      }
    });
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

  /** Adds a snapshot newer than all others, as a scheduled capture does. */
  private void addSnapshot() throws IOException {
    Path document = work.resolve("snapshots/town-notes/bin-collection");
    Path latest;
    try (Stream<Path> files = Files.list(document)) {
      latest = files.filter(f -> !f.getFileName().toString().endsWith(".properties"))
          .max(Comparator.naturalOrder()).orElseThrow();
    }
    String name = latest.getFileName().toString();
    Files.writeString(document.resolve("2026-05-01T00-00-00Z" + name.substring(
        name.lastIndexOf('.'))), Files.readString(latest) + "\n\nA paragraph added later.\n");
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
