package org.optbench.runner;

/**
 * Prints the version and commit this JVM would record in a manifest; {@link BuildProvenanceTest}
 * starts it with other working directories.
 */
final class BuildInfoProbe {

  static final String PREFIX = "probe: ";

  private BuildInfoProbe() {}

  public static void main(String[] args) {
    System.out.println(PREFIX + BuildInfo.current().version());
    System.out.println(PREFIX + BuildInfo.current().commit());
  }
}
