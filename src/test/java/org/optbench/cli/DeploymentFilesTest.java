package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optbench.spec.ExperimentSpec;
import org.optbench.spec.SpecParser;
import org.yaml.snakeyaml.Yaml;

/**
 * The files that run the nightly check elsewhere (GitHub Actions, Kubernetes) cannot run here;
 * this checks that they are valid YAML with the structure those systems require, and that they
 * call commands and options optbench has.
 */
class DeploymentFilesTest {

  private static List<Object> documents(String file) throws IOException {
    List<Object> docs = new ArrayList<>();
    new Yaml().loadAll(Files.readString(Path.of(file))).forEach(docs::add);
    return docs;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @Test
  void theNightlyWorkflowShardsMergesComparesAndCaches() throws IOException {
    Map<String, Object> workflow = map(documents(".github/workflows/nightly.yml").get(0));
    // YAML 1.1 (SnakeYAML) reads the key "on" as the boolean true; GitHub reads it as "on".
    Map<String, Object> on = map(workflow.containsKey("on") ? workflow.get("on") : workflow.get(true));
    assertTrue(on.containsKey("schedule"));
    Map<String, Object> jobs = map(workflow.get("jobs"));
    Map<String, Object> matrix = map(map(map(jobs.get("shard")).get("strategy")).get("matrix"));
    int shards = ((List<?>) matrix.get("shard")).size();
    String text = Files.readString(Path.of(".github/workflows/nightly.yml"));
    assertTrue(text.contains("--shard ${{ matrix.shard }}/" + shards), "shard count matches the matrix");
    assertEquals(List.of("shard"), List.of(map(jobs.get("compare")).get("needs")));
    for (String expected : List.of("actions/cache@v4", "~/.m2/repository", "~/.djl.ai",
        "actions/upload-artifact@v4", "optbench.jar merge", "optbench.jar compare", "replay --engine native --check")) {
      assertTrue(text.contains(expected), expected);
    }
  }

  @Test
  void theNightlyCompareStepFailsWhenCompareFindsARegression() throws Exception {
    Map<String, Object> jobs = map(map(documents(".github/workflows/nightly.yml").get(0)).get("jobs"));
    List<?> steps = (List<?>) map(jobs.get("compare")).get("steps");
    Map<String, Object> compare = steps.stream().map(DeploymentFilesTest::map)
        .filter(step -> "Compare with baseline".equals(step.get("name"))).findFirst().orElseThrow();
    assertEquals("bash", compare.get("shell"));
    // The step's own script, with compare replaced by a command that exits 1 as compare does on a
    // regression: the step must fail although its output goes through tee.
    String script = ((String) compare.get("run"))
        .replaceAll("java -jar target/optbench\\.jar compare [^|]*", "(echo regression; exit 1) ");
    Path summary = Files.createTempFile("step-summary", ".md");
    ProcessBuilder withEnv = new ProcessBuilder("bash", "-e", "-c", script).redirectErrorStream(true);
    withEnv.environment().put("GITHUB_STEP_SUMMARY", summary.toString());
    Process step = withEnv.start();
    step.getInputStream().readAllBytes();
    assertEquals(1, step.waitFor());
    assertEquals("regression\n", Files.readString(summary));
    Files.delete(summary);
  }

  @Test
  void aWorkflowRunsTheCiScriptOnPushAndPullRequest() throws IOException {
    Map<String, Object> workflow = map(documents(".github/workflows/ci.yml").get(0));
    Map<String, Object> on = map(workflow.containsKey("on") ? workflow.get("on") : workflow.get(true));
    assertTrue(on.containsKey("push") && on.containsKey("pull_request"), on.toString());
    assertTrue(Files.readString(Path.of(".github/workflows/ci.yml")).contains("bash .ci/run"));
  }

  /** GitHub's runners are where the platforms and JDK 21 the CI machine lacks are exercised. */
  @Test
  @SuppressWarnings("unchecked")
  void theWorkflowCoversEveryLibtorchPlatformAndJdk21() throws IOException {
    Map<String, Object> jobs = map(map(documents(".github/workflows/ci.yml").get(0)).get("jobs"));
    Map<String, Object> platforms = map(jobs.get("platforms"));
    List<Map<String, Object>> include = (List<Map<String, Object>>)
        map(map(platforms.get("strategy")).get("matrix")).get("include");
    assertEquals(List.of("linux-x86_64", "linux-aarch64", "osx-aarch64", "win-x86_64"),
        include.stream().map(entry -> entry.get("platform")).toList());
    String steps = platforms.get("steps").toString();
    assertTrue(steps.contains("java -jar target/optbench.jar run experiments/quickstart.yaml"),
        steps);
    assertTrue(steps.contains("-f docs/examples/djl-trainer/pom.xml test"), steps);
    assertTrue(include.stream().anyMatch(entry -> "21".equals(entry.get("java"))));
    Map<String, Object> jdk21 = map(jobs.get("jdk21"));
    assertTrue(jdk21.get("steps").toString().contains("java-version=21"), jdk21.toString());
    assertTrue(jdk21.get("steps").toString().contains("mvn -B -ntp test"), jdk21.toString());
  }

  @Test
  void theKubernetesIndexedJobTakesItsShardFromTheCompletionIndex() throws IOException {
    List<Object> docs = documents("deploy/k8s/nightly-indexed-job.yaml");
    Map<String, Object> job = map(docs.stream().filter(d -> "Job".equals(map(d).get("kind"))).findFirst().get());
    Map<String, Object> spec = map(job.get("spec"));
    assertEquals("Indexed", spec.get("completionMode"));
    int completions = (Integer) spec.get("completions");
    Map<String, Object> container =
        map(((List<?>) map(map(spec.get("template")).get("spec")).get("containers")).get(0));
    String args = String.join(" ", (List<String>) (List<?>) container.get("args"));
    assertTrue(args.contains("--shard \"${JOB_COMPLETION_INDEX}/" + completions + "\""), args);
    Map<String, Object> merge = map(documents("deploy/k8s/nightly-merge-job.yaml").get(0));
    assertEquals("Job", merge.get("kind"));
  }

  /**
   * Every optimizer × every clip, except the optimizers whose Hessian-diagonal estimate samples
   * labels from the model (Sophia, docs/optimizers.md): the grid crosses every optimizer with
   * every workload, and linear_regression has no labels to sample, so such an optimizer would make
   * the spec invalid. Its conformance vectors, lockstep and engine-agreement settings still run.
   */
  @Test
  void theNightlySpecCoversEveryOptimizerTimesEveryClip() throws Exception {
    ExperimentSpec spec = SpecParser.parse(Path.of("experiments/nightly.yaml"));
    var optimizers = org.optbench.spec.Catalog.components(org.optbench.spec.Axis.OPTIMIZER)
        .stream().filter(o -> !o.curvature().needed()).toList();
    var clips = org.optbench.spec.Catalog.components(org.optbench.spec.Axis.CLIP);
    // 3 workloads × (one point per optimizer, plus Nesterov SGD) × every clip × 3 seeds.
    assertEquals(3 * (optimizers.size() + 1) * clips.size() * 3, spec.cells().size());
    java.util.Set<String> pairs = new java.util.HashSet<>();
    spec.cells().forEach(c -> pairs.add(c.optimizer().name() + " × " + c.clip().name()));
    for (var o : optimizers) {
      for (var c : clips) {
        assertTrue(pairs.contains(o.name() + " × " + c.name()), "nightly lacks " + o.name() + " × " + c.name());
      }
    }
    assertTrue(Files.isRegularFile(Path.of("results/baselines/nightly/runs.csv")), "nightly baseline committed");
  }
}
