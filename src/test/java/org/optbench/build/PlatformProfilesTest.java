package org.optbench.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The libtorch jar Maven picks on each platform, seen by Maven itself: each run gets another
 * operating system and processor through its own JVM's os.name and os.arch, which is what
 * Maven's OS activation reads. Runs Maven six times at once (tagged slow: the integration
 * profile runs it); skipped without mvn on the PATH.
 */
@Tag("slow")
class PlatformProfilesTest {

  private static final String HELP = "org.apache.maven.plugins:maven-help-plugin:3.5.1:evaluate";

  @Test
  void eachSupportedPlatformGetsItsOwnJarAndAnUnknownOverrideIsRefused() throws Exception {
    Path maven = MavenBuild.maven().orElse(null);
    assumeTrue(maven != null, "mvn is not on the PATH: the profile check is skipped");
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("-Dos.name=Linux -Dos.arch=amd64", "cpu:linux-x86_64");
    expected.put("-Dos.name=Linux -Dos.arch=aarch64", "cpu:linux-aarch64");
    expected.put("-Dos.name=MacOSX -Dos.arch=aarch64", "cpu:osx-aarch64");
    Map<String, Process> running = new LinkedHashMap<>();
    for (String machine : expected.keySet()) {
      running.put(machine, MavenBuild.start(maven, machine, HELP,
          "-Dexpression=optbench.torch.native", "-DforceStdout"));
    }
    // Maven on a JVM whose os.name says Windows loads Windows' console functions (jansi) and
    // stops; the Windows profile is chosen by its id instead, with CUDA.
    Process windows = MavenBuild.start(maven, "", HELP, "-Pplatform-win-x86_64,cuda",
        "-Dexpression=optbench.torch.native", "-DforceStdout");
    Process cuda = MavenBuild.start(maven, "", HELP, "-Pcuda",
        "-Dexpression=optbench.torch.native", "-DforceStdout");
    Process unknown = MavenBuild.start(maven, "", "validate", "-Doptbench.platform=osx-x86_64");

    for (var entry : running.entrySet()) {
      MavenBuild.Outcome outcome = MavenBuild.finish(entry.getValue());
      assertEquals(expected.get(entry.getKey()), evaluated(outcome), entry.getKey());
    }
    assertEquals("cu128:win-x86_64", evaluated(MavenBuild.finish(windows)));
    MavenBuild.Outcome cu128 = MavenBuild.finish(cuda);
    assertEquals("cu128:linux-x86_64", evaluated(cu128));
    MavenBuild.Outcome refused = MavenBuild.finish(unknown);
    assertEquals(1, refused.exit(), "Maven's status for a failed build");
    assertTrue(refused.output().contains(
        "No libtorch for optbench.platform=osx-x86_64 with flavor cpu."), refused.output());
    assertTrue(refused.output().contains("linux-x86_64, linux-aarch64, osx-aarch64 and"
        + " win-x86_64"), refused.output());
  }

  /** The value help:evaluate printed, without the terminal reset codes Maven writes anyway. */
  private static String evaluated(MavenBuild.Outcome outcome) {
    assertEquals(0, outcome.exit(), outcome.output());
    return outcome.output().replaceAll("\\u001B\\[[0-9;]*m", "").strip();
  }
}
