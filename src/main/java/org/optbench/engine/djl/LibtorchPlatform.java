package org.optbench.engine.djl;

import ai.djl.util.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Whether the libtorch on the class path can run on this machine, checked before anything trains.
 *
 * <p>DJL finds libtorch in a {@code pytorch-native-*} jar ({@code native/lib/pytorch.properties}
 * names its platform) and, when none matches the machine, downloads one; optbench keeps DJL
 * offline, so that download fails deep inside the engine with "Offline mode is enabled". A jar
 * built for another machine (a Linux build copied to a Mac) or a library user's missing native
 * dependency is named here instead, with the fix. {@code PYTORCH_LIBRARY_PATH} (DJL's own
 * libtorch outside any jar) skips the check.
 */
public final class LibtorchPlatform {

  static final String PROPERTIES = "native/lib/pytorch.properties";

  private LibtorchPlatform() {}

  /** The problem with this machine's libtorch, if there is one. */
  public static Optional<String> problem() {
    if (System.getenv("PYTORCH_LIBRARY_PATH") != null) {
      return Optional.empty();
    }
    return problem(bundled(), machine());
  }

  /** Fails with {@link LibtorchUnavailableException} where {@link #problem()} finds one. */
  public static void require() {
    problem().ifPresent(message -> {
      throw new LibtorchUnavailableException(message);
    });
  }

  /**
   * @param bundled the {@code classifier} of every native jar's properties on the class path
   * @param machine this machine's classifier, as DJL names it ({@code osx-aarch64})
   */
  static Optional<String> problem(List<String> bundled, String machine) {
    if (bundled.contains(machine)) {
      return Optional.empty();
    }
    String dependency = "ai.djl.pytorch:pytorch-native-cpu:" + engineLibtorchVersion() + ":"
        + machine;
    if (bundled.isEmpty()) {
      return Optional.of("no libtorch on the class path for this machine (" + machine + "):"
          + " add the dependency " + dependency + " (optbench's own build takes it through its"
          + " platform-" + machine + " profile)");
    }
    return Optional.of("the libtorch on the class path is built for " + String.join(", ", bundled)
        + ", but this machine is " + machine + "; build optbench on this machine (its Maven"
        + " profiles pick the platform) or with -Doptbench.platform=" + machine
        + ", or depend on " + dependency);
  }

  /** The libtorch version DJL's PyTorch engine is built against (its pytorch-engine.properties). */
  static String engineLibtorchVersion() {
    Properties properties = new Properties();
    try (InputStream in = Platform.class.getClassLoader()
        .getResourceAsStream("pytorch-engine.properties")) {
      if (in == null) {
        return "VERSION";
      }
      properties.load(in);
    } catch (IOException e) {
      return "VERSION";
    }
    return properties.getProperty("pytorch_version", "VERSION");
  }

  /** This machine's platform in DJL's classifier form (os-arch). */
  static String machine() {
    return Platform.fromSystem("pytorch").getClassifier();
  }

  private static List<String> bundled() {
    List<String> classifiers = new ArrayList<>();
    try {
      ClassLoader loader = LibtorchPlatform.class.getClassLoader();
      for (URL url : Collections.list(loader.getResources(PROPERTIES))) {
        Properties properties = new Properties();
        try (InputStream in = url.openStream()) {
          properties.load(in);
        }
        String classifier = properties.getProperty("classifier");
        if (classifier != null) {
          classifiers.add(classifier);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + PROPERTIES + " from the class path", e);
    }
    return classifiers;
  }
}
