package dev.palimpsest.cache;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which build of the generator is running: its version and a digest of its own code and built-in
 * templates. A development version keeps one version number across many builds of different
 * code, so the version alone would let a cache keep pages that the new code renders otherwise.
 */
final class GeneratorBuild {
  private static final String VERSION = Optional.ofNullable(
      GeneratorBuild.class.getPackage().getImplementationVersion()).orElse("0.1.0-SNAPSHOT");

  /** Version and code digest, such as {@code 0.1.0-SNAPSHOT+3f2a…}. */
  static final String ID = VERSION + "+" + codeDigest();

  private GeneratorBuild() {}

  /** SHA-256 (first 16 hex digits) of the jar or classes folder this class was loaded from. */
  private static String codeDigest() {
    try {
      CodeSource source = GeneratorBuild.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return "unknown";
      }
      Path code = Path.of(source.getLocation().toURI());
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      if (Files.isDirectory(code)) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(code)) {
          files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
          digest.update(code.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
          update(digest, file);
        }
      } else {
        update(digest, code);
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (IOException | URISyntaxException | RuntimeException e) {
      // Unknown code: a digest that never matches a stored one, so the cache is never trusted.
      return "unknown-" + System.nanoTime();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static void update(MessageDigest digest, Path file) throws IOException {
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
  }
}
