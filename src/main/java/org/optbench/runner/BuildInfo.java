package org.optbench.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The version and commit optbench was built from, as Maven recorded them in {@value #RESOURCE}
 * (pom.xml, execution {@code build-info}). Results carry these in manifest.json, and shards merge
 * only when they agree, so they must describe optbench itself: never the directory a run starts
 * in, which may be another repository, and never read by running git, which would take that
 * repository's index lock.
 *
 * @param version optbench's Maven version, or "unknown"
 * @param commit the full commit id of the checkout built, with "-dirty" when tracked files
 *     differed from it; "unknown" when the build had no git checkout (a source tarball)
 */
public record BuildInfo(String version, String commit) {

  /**
   * The resource the build writes, at the class path's root: outside org/optbench/, whose files
   * {@link CodeVersion} digests into the content key, so that a new commit alone (a README edit)
   * does not retrain stored runs.
   */
  static final String RESOURCE = "/optbench-build.properties";

  static final String UNKNOWN = "unknown";

  private static final BuildInfo CURRENT = load();

  /** What this build recorded; "unknown" fields when the resource is missing (classes not built by Maven). */
  public static BuildInfo current() {
    return CURRENT;
  }

  /** Reads the build's properties; blank or missing entries become "unknown". */
  static BuildInfo of(Properties properties) {
    return new BuildInfo(
        value(properties.getProperty("version")), value(properties.getProperty("commit")));
  }

  private static String value(String text) {
    return text == null || text.isBlank() ? UNKNOWN : text.strip();
  }

  private static BuildInfo load() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
          properties.load(reader);
        }
      }
    } catch (IOException unreadable) {
      // A jar that cannot be read back would have failed long before this: report no build info.
    }
    return of(properties);
  }
}
