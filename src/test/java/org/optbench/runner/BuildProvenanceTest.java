package org.optbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.metrics.RunEnvironment;

/**
 * The version and commit a manifest records describe optbench's build, not the directory a run
 * starts in.
 */
class BuildProvenanceTest {

  @TempDir Path dir;

  @Test
  void theBuildRecordsThePomVersionAndAFullCommitId() throws IOException {
    Matcher pomVersion = Pattern.compile("<artifactId>optbench</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(Files.readString(Path.of("pom.xml")));
    assertTrue(pomVersion.find());
    assertEquals(pomVersion.group(1), BuildInfo.current().version());
    // "unknown" only for a build without git (a source tarball); tests run from a checkout.
    assertTrue(BuildInfo.current().commit().matches("[0-9a-f]{40}(-dirty)?"),
        BuildInfo.current().commit());
  }

  /** CodeVersion digests every file under org/optbench/; a commit alone must not change it. */
  @Test
  void theBuildInfoLiesOutsideWhatTheContentKeyDigests() {
    String location = BuildInfo.class.getResource(BuildInfo.RESOURCE).toString();
    assertTrue(location.endsWith("/optbench-build.properties"), location);
    assertFalse(location.contains("org/optbench/"), location);
  }

  @Test
  void missingOrBlankEntriesReadAsUnknown() {
    assertEquals(new BuildInfo("unknown", "unknown"), BuildInfo.of(new Properties()));
    Properties tarball = new Properties();
    tarball.setProperty("version", "0.1.0");
    tarball.setProperty("commit", " ");
    assertEquals(new BuildInfo("0.1.0", "unknown"), BuildInfo.of(tarball));
  }

  /**
   * A run started inside an unrelated repository with uncommitted edits used to record that
   * repository's HEAD with "-dirty", so two shards of the same jar run from different folders
   * could not be merged.
   */
  @Test
  void aRunStartedInAnotherRepositoryRecordsOptbenchsOwnCommit() throws Exception {
    Path other = Files.createDirectories(dir.resolve("other-project"));
    assumeTrue(git(other, "init", "-q") == 0, "the git command is needed to make the other repository");
    Files.writeString(other.resolve("notes.txt"), "first\n");
    assertEquals(0, git(other, "add", "notes.txt"));
    assertEquals(0, git(other, "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false",
        "commit", "-q", "-m", "first"));
    Files.writeString(other.resolve("notes.txt"), "edited, not committed\n");
    String otherHead = Files.readString(other.resolve(".git/refs/heads/" + branch(other))).strip();

    List<String> recorded = probe(other);

    assertEquals(List.of(BuildInfo.current().version(), BuildInfo.current().commit()), recorded);
    assertFalse(recorded.get(1).startsWith(otherHead), "the other repository's HEAD " + otherHead);
  }

  @Test
  void manifestsRecordTheBuildsVersionAndCommit() {
    RunEnvironment env = RunEnvironments.current(1);
    assertEquals(BuildInfo.current().version(), env.optbenchVersion());
    assertEquals(BuildInfo.current().commit(), env.gitCommit());
  }

  private static String branch(Path repo) throws IOException {
    String head = Files.readString(repo.resolve(".git/HEAD")).strip();
    return head.substring(head.lastIndexOf('/') + 1);
  }

  /** Runs {@link BuildInfoProbe} in a fresh JVM whose working directory is {@code cwd}. */
  private List<String> probe(Path cwd) throws Exception {
    Path log = dir.resolve("probe.log");
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), BuildInfoProbe.class.getName())
        .directory(cwd.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Process child = builder.start();
    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "probe finished");
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, child.exitValue(), output);
    return output.lines().filter(l -> l.startsWith(BuildInfoProbe.PREFIX))
        .map(l -> l.substring(BuildInfoProbe.PREFIX.length())).toList();
  }

  private static int git(Path repo, String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = "git";
    System.arraycopy(args, 0, command, 1, args.length);
    try {
      Process process = new ProcessBuilder(command).directory(repo.toFile())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    } catch (IOException noGit) {
      return -1;
    }
  }
}
