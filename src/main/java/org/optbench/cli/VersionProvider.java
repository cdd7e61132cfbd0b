package org.optbench.cli;

import org.optbench.runner.RunEnvironments;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: optbench's version and the Java runtime. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "optbench " + RunEnvironments.optbenchVersion(), "Java " + System.getProperty("java.version")
    };
  }
}
