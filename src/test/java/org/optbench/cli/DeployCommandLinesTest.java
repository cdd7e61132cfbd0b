package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.optbench.cli.KubernetesManifests.Manifest;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Every optbench command line in the Kubernetes manifests and the Dockerfile parses against
 * {@link Main}'s real command tree (picocli's parseArgs, the parser {@code execute} uses) and
 * names repository files that exist, since the image holds the repository's experiments/ and
 * results/baselines/ at the same relative paths.
 */
class DeployCommandLinesTest {

  /** Values the pods' environment gives these variables (Kubernetes sets both). */
  private static final Map<String, String> EXAMPLES =
      Map.of("JOB_COMPLETION_INDEX", "0", "JOB_NAME", "optbench-nightly-29412345");
  private static final Set<String> OUTPUT_OPTIONS = Set.of("--out", "--reports", "--report");
  private static final Pattern REPOSITORY_PATH =
      Pattern.compile("(?<![\\w/.-])(?:deploy|experiments|results/baselines)/[\\w./-]*[\\w]");

  private static List<String> scripts() throws IOException {
    List<String> scripts = new ArrayList<>();
    for (Manifest m : KubernetesManifests.workloads()) {
      m.containers().forEach(c -> scripts.add(KubernetesManifests.script(c)));
    }
    DockerfileStages docker = DockerfileStages.read();
    docker.stages().forEach(s -> scripts.addAll(s.arguments("RUN")));
    return scripts;
  }

  @Test
  void everyOptbenchCommandLineParsesAgainstTheRealCommandTree() throws IOException {
    int parsed = 0;
    for (String script : scripts()) {
      for (List<String> args : ShellCommands.optbenchArguments(script, EXAMPLES)) {
        ParseResult result = new CommandLine(new Main()).parseArgs(args.toArray(String[]::new));
        assertNotNull(result.subcommand(), "no command in " + args);
        checkInputsExist(result.subcommand(), args);
        parsed++;
      }
    }
    // run, merge+report+compare (merge Job), run+merge+report+compare (CronJob), run (Dockerfile)
    assertEquals(9, parsed, "the command lines found");
  }

  /** POSIX sh's -n: reads the whole script and reports syntax errors without running it. */
  @Test
  void everyContainerScriptIsValidShell() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
    for (Manifest m : KubernetesManifests.workloads()) {
      for (Map<String, Object> container : m.containers()) {
        Process sh = new ProcessBuilder("/bin/sh", "-n", "-c", KubernetesManifests.script(container))
            .redirectErrorStream(true).start();
        String errors = new String(sh.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, sh.waitFor(), m + ": " + errors);
      }
    }
  }

  @Test
  void theShardArgumentsAreIndexOverCount() throws IOException {
    for (String script : scripts()) {
      for (List<String> args : ShellCommands.optbenchArguments(script, EXAMPLES)) {
        int at = args.indexOf("--shard");
        if (at >= 0) {
          assertTrue(args.get(at + 1).matches("0/[1-9]\\d*"), args.toString());
        }
      }
    }
  }

  @Test
  void everyRepositoryPathTheScriptsNameExists() throws IOException {
    int named = 0;
    for (String script : scripts()) {
      Matcher path = REPOSITORY_PATH.matcher(script);
      while (path.find()) {
        assertTrue(Files.exists(Path.of(path.group())), path.group() + " in: " + script);
        named++;
      }
    }
    assertTrue(named >= 6, "specs, baselines and the prune script are named");
  }

  /**
   * The pods run in the runtime stage's working directory, the engine check in the engine stage's:
   * each repository path a script names must be copied into that stage, at the same path.
   */
  @Test
  void everyRepositoryPathAScriptNamesIsCopiedIntoItsStage() throws IOException {
    DockerfileStages docker = DockerfileStages.read();
    List<String> podScripts = new ArrayList<>();
    for (Manifest m : KubernetesManifests.workloads()) {
      m.containers().forEach(c -> podScripts.add(KubernetesManifests.script(c)));
    }
    Map<String, List<String>> scriptsByStage = Map.of(
        "runtime", podScripts, "engine", docker.stage("engine").arguments("RUN"));
    scriptsByStage.forEach((stage, scripts) -> {
      List<String> copied = docker.stage(stage).arguments("COPY").stream()
          .map(c -> c.trim().split("\\s+")).map(words -> words[words.length - 1]).toList();
      for (String script : scripts) {
        Matcher path = REPOSITORY_PATH.matcher(script);
        while (path.find()) {
          String named = path.group();
          assertTrue(copied.stream().anyMatch(to -> named.equals(to) || named.startsWith(to + "/")),
              named + " is not copied into the " + stage + " stage");
        }
      }
    });
  }

  /** A relative input path is read from the image's copy of the repository: it must exist here. */
  private static void checkInputsExist(ParseResult command, List<String> args) {
    List<ArgSpec> matched = new ArrayList<>(command.matchedPositionals());
    matched.addAll(command.matchedOptions());
    for (ArgSpec arg : matched) {
      boolean output = arg instanceof OptionSpec option && OUTPUT_OPTIONS.contains(option.longestName());
      boolean isPath = arg.type() == Path.class || List.of(arg.auxiliaryTypes()).contains(Path.class);
      if (output || !isPath) {
        continue;
      }
      for (String value : arg.originalStringValues()) {
        if (!value.startsWith("/")) {
          assertTrue(Files.exists(Path.of(value)), value + " (from " + args + ") is not in the repository");
        }
      }
    }
  }
}
