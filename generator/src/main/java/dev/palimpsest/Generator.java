package dev.palimpsest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a change-history site from a snapshot folder. Configure once, then build as often as
 * needed; a {@code Generator} is immutable and thread-safe.
 *
 * <pre>{@code
 * BuildReport report = Generator.builder().title("Terms watch").build()
 *     .generate(Path.of("snapshots"), Path.of("site"));
 * report.problems().forEach(System.err::println);
 * }</pre>
 */
public final class Generator {
  private final Path templates;
  private final URI baseUrl;
  private final String title;
  private final Instant now;
  private final boolean strict;
  private final BuildListener listener;
  private final Map<String, String> environment;
  private final int threads;
  private final boolean fullBuild;

  private Generator(Builder builder) {
    this.threads = builder.threads;
    this.fullBuild = builder.fullBuild;
    this.templates = builder.templates;
    this.baseUrl = builder.baseUrl;
    this.title = builder.title;
    this.now = builder.now;
    this.strict = builder.strict;
    this.listener = builder.listener;
    this.environment = builder.environment;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds the site for {@code snapshots} into {@code out}. The new site replaces {@code out}
   * only once it is complete; a strict build with problems leaves {@code out} as it was.
   *
   * @return what was built and which inputs were reported
   * @throws BuildException when no site can be built at all
   */
  public BuildReport generate(Path snapshots, Path out) throws BuildException {
    Objects.requireNonNull(snapshots, "snapshots must not be null");
    Objects.requireNonNull(out, "out must not be null");
    return new SiteBuild(this, snapshots, out).run();
  }

  Path templates() {
    return templates;
  }

  URI baseUrl() {
    return baseUrl;
  }

  String title() {
    return title;
  }

  boolean strict() {
    return strict;
  }

  BuildListener listener() {
    return listener;
  }

  int threads() {
    return threads;
  }

  boolean fullBuild() {
    return fullBuild;
  }

  /**
   * The "now" relative times are measured from: as configured, else {@code SOURCE_DATE_EPOCH},
   * else {@code newestSnapshot}; never the wall clock.
   */
  Instant now(Instant newestSnapshot) throws BuildException {
    if (now != null) {
      return now;
    }
    String epoch = environment.get("SOURCE_DATE_EPOCH");
    if (epoch != null && !epoch.isBlank()) {
      try {
        return Instant.ofEpochSecond(Long.parseLong(epoch.strip()));
      } catch (NumberFormatException e) {
        throw new BuildException("SOURCE_DATE_EPOCH is not a number of seconds: " + epoch);
      }
    }
    return newestSnapshot;
  }

  /** Configures a {@link Generator}; every setting is optional. */
  public static final class Builder {
    private Path templates;
    private URI baseUrl;
    private String title = "Palimpsest";
    private Instant now;
    private boolean strict;
    private BuildListener listener = BuildListener.NONE;
    private Map<String, String> environment = System.getenv();
    private int threads = Runtime.getRuntime().availableProcessors();
    private boolean fullBuild;

    private Builder() {}

    /** A folder whose files override the default templates and assets, file by file. */
    public Builder templates(Path templates) {
      this.templates = templates;
      return this;
    }

    /**
     * The site's public address, used for absolute links in feeds and the sitemap; pages always
     * link relatively. {@code null} or blank means none.
     */
    public Builder baseUrl(String baseUrl) {
      if (baseUrl == null || baseUrl.isBlank()) {
        this.baseUrl = null;
        return this;
      }
      String withSlash = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
      URI uri = URI.create(withSlash);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new IllegalArgumentException("base URL must be an http(s) URL: " + baseUrl);
      }
      this.baseUrl = uri;
      return this;
    }

    /** The site's title, shown on every page and in the site feeds. */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title must not be null");
      return this;
    }

    /**
     * The moment relative times ("changed 3 days ago") are measured from. When not set:
     * {@code SOURCE_DATE_EPOCH} when the environment has it, else the newest snapshot's time;
     * never the wall clock, so that builds are reproducible.
     */
    public Builder now(Instant now) {
      this.now = now;
      return this;
    }

    /** With problems in the input, write nothing and leave the previous site as it was. */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /** Hears progress and problems as the build goes. */
    public Builder listener(BuildListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener must not be null");
      return this;
    }

    /** The environment read for {@code SOURCE_DATE_EPOCH}; the process's by default. */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    /**
     * How many documents are built at once; all processors by default. The site is the same
     * byte for byte whatever the number.
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, not " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Build every page, ignoring the build cache. By default a build keeps the pages of
     * documents whose snapshots and properties did not change since the previous build (when
     * templates and options did not change either), and writes nothing at all when nothing
     * changed.
     */
    public Builder fullBuild(boolean fullBuild) {
      this.fullBuild = fullBuild;
      return this;
    }

    public Generator build() {
      return new Generator(this);
    }
  }
}
