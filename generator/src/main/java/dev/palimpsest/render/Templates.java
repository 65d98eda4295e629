package dev.palimpsest.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The page templates and assets: the defaults shipped in the jar, each overridable by a file of
 * the same name in a user's templates folder. Thread-safe once built.
 */
public final class Templates {
  /** Where the default templates live on the classpath. */
  static final String DEFAULTS = "/dev/palimpsest/templates";
  /** The default assets, listed because a classpath folder cannot be listed inside a jar. */
  private static final List<String> DEFAULT_ASSETS = List.of("assets/style.css",
      "assets/palimpsest.js");

  private final Configuration configuration;
  private final Path overrides;

  private Templates(Configuration configuration, Path overrides) {
    this.configuration = configuration;
    this.overrides = overrides;
  }

  /**
   * Templates with {@code overrides} (a folder, or {@code null} for none) taking precedence.
   *
   * @throws IOException when the overrides folder cannot be read
   */
  public static Templates load(Path overrides) throws IOException {
    Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
    TemplateLoader defaults = new ClassTemplateLoader(Templates.class, DEFAULTS);
    configuration.setTemplateLoader(overrides == null ? defaults
        : new MultiTemplateLoader(new TemplateLoader[] {
            new FileTemplateLoader(overrides.toFile()), defaults}));
    configuration.setObjectWrapper(new RecordWrapper(Configuration.VERSION_2_3_34));
    configuration.setDefaultEncoding("UTF-8");
    configuration.setOutputEncoding("UTF-8");
    configuration.setLocale(Locale.ROOT);
    configuration.setTimeZone(TimeZone.getTimeZone("UTC"));
    configuration.setNumberFormat("computer");
    configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    configuration.setLogTemplateExceptions(false);
    configuration.setWrapUncheckedExceptions(true);
    configuration.setFallbackOnNullLoopVariable(false);
    // A page goes to its file in one write when its writer is closed, not a flush and a write.
    configuration.setAutoFlush(false);
    return new Templates(configuration, overrides);
  }

  /**
   * Renders {@code template} (e.g. "diff.ftlh") with {@code model} as its data to {@code out},
   * a page straight into its file: a large diff page is never held whole in memory.
   *
   * @throws TemplateProblem when the template is missing or fails; its message names it
   * @throws IOException when {@code out} cannot be written
   */
  public void render(String template, Map<String, ?> model, Writer out) throws IOException {
    Template loaded;
    try {
      loaded = configuration.getTemplate(template);
    } catch (IOException e) {
      throw new TemplateProblem(template + ": " + e.getMessage(), e);
    }
    try {
      loaded.process(model, out);
    } catch (TemplateException e) {
      throw new TemplateProblem(template + ": " + e.getMessageWithoutStackTop(), e);
    }
  }

  /**
   * The site's static assets by output path ("assets/style.css"): the defaults, with the user's
   * {@code assets/} files replacing or adding to them.
   */
  public Map<String, byte[]> assets() throws IOException {
    Map<String, byte[]> assets = new TreeMap<>();
    for (String name : DEFAULT_ASSETS) {
      try (InputStream in = Templates.class.getResourceAsStream(DEFAULTS + "/" + name)) {
        if (in == null) {
          throw new IOException("default asset " + name + " is missing from the jar");
        }
        assets.put(name, in.readAllBytes());
      }
    }
    Optional<Path> userAssets = Optional.ofNullable(overrides).map(o -> o.resolve("assets"))
        .filter(Files::isDirectory);
    if (userAssets.isPresent()) {
      List<Path> files = new ArrayList<>();
      try (Stream<Path> walk = Files.walk(userAssets.get())) {
        walk.filter(Files::isRegularFile).forEach(files::add);
      }
      for (Path file : files) {
        String relative = overrides.relativize(file).toString().replace('\\', '/');
        try {
          assets.put(relative, Files.readAllBytes(file));
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
      }
    }
    return assets;
  }

  /** A template is missing or failed: a problem with the templates, not with the snapshots. */
  public static final class TemplateProblem extends RuntimeException {
    TemplateProblem(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
