package dev.palimpsest.cache;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which build of the generator is running: its version and a fingerprint of its own code and
 * built-in templates. A development version keeps one version number across many builds of
 * different code, so the version alone would let a cache keep pages that new code renders
 * otherwise. The fingerprint is the size and modification time of the jar (or of every file in
 * the classes folder), not a digest of its bytes: reading a 7 MB jar would cost a no-op rebuild
 * more than everything else it does, and a rebuilt jar always has a new time.
 */
final class GeneratorBuild {
  private static final String VERSION = Optional.ofNullable(
      GeneratorBuild.class.getPackage().getImplementationVersion()).orElse("0.1.0-SNAPSHOT");

  /** Version and code fingerprint, such as {@code 0.1.0-SNAPSHOT+3f2a…}. */
  static final String ID = VERSION + "+" + codeFingerprint();

  private GeneratorBuild() {}

  /** The file-status fingerprint of the jar, or of every file in the classes folder. */
  private static String codeFingerprint() {
    try {
      CodeSource source = GeneratorBuild.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return "unknown";
      }
      Path code = Path.of(source.getLocation().toURI());
      List<Path> files;
      if (Files.isDirectory(code)) {
        try (Stream<Path> walk = Files.walk(code)) {
          files = walk.filter(Files::isRegularFile).sorted().toList();
        }
      } else {
        files = List.of(code);
      }
      return InputHashes.fingerprint(files).substring(0, 16);
    } catch (IOException | URISyntaxException | RuntimeException e) {
      // Unknown code: a fingerprint that never matches a stored one, so no cache is trusted.
      return "unknown-" + System.nanoTime();
    }
  }
}
