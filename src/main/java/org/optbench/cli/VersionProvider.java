package org.optbench.cli;

import org.optbench.runner.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: optbench's version and the commit it was built from, and the Java runtime. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    BuildInfo build = BuildInfo.current();
    return new String[] {
      "optbench " + build.version() + " (commit " + build.commit() + ")",
      "Java " + System.getProperty("java.version")
    };
  }
}
