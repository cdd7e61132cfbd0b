package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.optbench.cli.KubernetesManifests.map;
import static org.optbench.cli.KubernetesManifests.maps;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.optbench.cli.KubernetesManifests.Manifest;

/**
 * The manifests in deploy/k8s cannot be applied here (no cluster); this checks the structure the
 * Kubernetes API (batch/v1 Job and CronJob, core/v1 PersistentVolumeClaim) and the image built by
 * deploy/docker/Dockerfile require of them.
 */
class KubernetesManifestsTest {

  private static final Map<String, String> API_VERSIONS =
      Map.of("PersistentVolumeClaim", "v1", "Job", "batch/v1", "CronJob", "batch/v1");
  private static final Pattern SHARD = Pattern.compile("--shard \"\\$\\{JOB_COMPLETION_INDEX}/(\\d+)\"");

  @Test
  void everyObjectHasAKindWithItsApiVersion() {
    List<Manifest> all = KubernetesManifests.all();
    assertEquals(Set.of("PersistentVolumeClaim", "Job", "CronJob"),
        all.stream().map(Manifest::kind).collect(Collectors.toSet()));
    for (Manifest m : all) {
      assertEquals(API_VERSIONS.get(m.kind()), m.object().get("apiVersion"), m.toString());
    }
  }

  @Test
  void everyContainerRunsTheImageTheDockerfileBuildsAsItsUser() throws IOException {
    DockerfileStages docker = DockerfileStages.read();
    DockerfileStages.Stage runtime = docker.stage("runtime");
    String workdir = runtime.arguments("WORKDIR").get(runtime.arguments("WORKDIR").size() - 1);
    String uid = runtime.arguments("USER").get(0).split(":")[0];
    for (Manifest m : KubernetesManifests.workloads()) {
      Map<String, Object> security = map(m.podSpec().get("securityContext"));
      assertEquals(true, security.get("runAsNonRoot"), m.toString());
      assertEquals(Integer.parseInt(uid), security.get("runAsUser"), m + ": the Dockerfile's USER");
      for (Map<String, Object> container : m.containers()) {
        assertEquals(docker.imageName(), container.get("image"), m.toString());
        assertEquals(workdir, container.get("workingDir"), m + ": the image's WORKDIR, where the specs are");
      }
    }
  }

  /** The image holds libtorch unpacked and read-only; a pod must neither move nor cover it. */
  @Test
  void noPodMovesOrCoversTheEngineCacheOfTheImage() throws IOException {
    String cache = DockerfileStages.read().stage("runtime").env().get("ENGINE_CACHE_DIR");
    for (Manifest m : KubernetesManifests.workloads()) {
      for (Map<String, Object> container : m.containers()) {
        for (Map<String, Object> env : maps(container.get("env"))) {
          assertFalse(Set.of("ENGINE_CACHE_DIR", "DJL_CACHE_DIR").contains(env.get("name")), m + ": " + env);
        }
        for (Map<String, Object> mount : maps(container.get("volumeMounts"))) {
          String path = (String) mount.get("mountPath");
          assertFalse(cache.equals(path) || cache.startsWith(path + "/"), m + " mounts over " + cache);
        }
      }
    }
  }

  @Test
  void volumeMountsNameVolumesAndEveryClaimIsDefinedAlikeWhereverItIs() {
    List<Manifest> all = KubernetesManifests.all();
    for (Manifest m : KubernetesManifests.workloads()) {
      Map<String, Map<String, Object>> volumes = maps(m.podSpec().get("volumes")).stream()
          .collect(Collectors.toMap(v -> (String) v.get("name"), v -> v));
      for (Map<String, Object> container : m.containers()) {
        for (Map<String, Object> mount : maps(container.get("volumeMounts"))) {
          assertTrue(volumes.containsKey(mount.get("name")), m + ": no volume " + mount.get("name"));
        }
      }
      for (Map<String, Object> volume : volumes.values()) {
        if (volume.containsKey("persistentVolumeClaim")) {
          Object claim = map(volume.get("persistentVolumeClaim")).get("claimName");
          assertTrue(all.stream().anyMatch(c -> c.kind().equals("PersistentVolumeClaim") && c.name().equals(claim)),
              m + ": claim " + claim);
        }
      }
    }
    List<Manifest> claims = all.stream().filter(c -> c.kind().equals("PersistentVolumeClaim")).toList();
    for (Manifest claim : claims) {
      assertEquals(claims.get(0).object(), claim.object(), "one claim, defined alike in " + claim.file());
      // Pods of one Job run on several nodes and all write to it.
      assertEquals(List.of("ReadWriteMany"), claim.spec().get("accessModes"), claim.toString());
    }
  }

  @Test
  void indexedJobsRunOneShardPerCompletionIndexAllAtOnce() {
    List<Manifest> indexed = KubernetesManifests.workloads().stream()
        .filter(m -> "Indexed".equals(m.jobSpec().get("completionMode"))).toList();
    assertEquals(2, indexed.size(), "the hand-started shard Job and the CronJob's Job");
    for (Manifest m : indexed) {
      int completions = (Integer) m.jobSpec().get("completions");
      assertEquals(completions, m.jobSpec().get("parallelism"), m.toString());
      List<Integer> shardCounts = new ArrayList<>();
      Matcher shard = SHARD.matcher(KubernetesManifests.script(m.containers().get(0)));
      while (shard.find()) {
        shardCounts.add(Integer.parseInt(shard.group(1)));
      }
      assertEquals(List.of(completions), shardCounts, m + ": one run --shard INDEX/N with N = completions");
    }
  }

  @Test
  void aPodFailurePolicyNamesARealContainerAndRestartPolicyNever() {
    for (Manifest m : KubernetesManifests.workloads()) {
      if (!m.jobSpec().containsKey("podFailurePolicy")) {
        continue;
      }
      // batch/v1 JobSpec: podFailurePolicy requires restartPolicy Never.
      assertEquals("Never", m.podSpec().get("restartPolicy"), m.toString());
      Set<Object> names = m.containers().stream().map(c -> c.get("name")).collect(Collectors.toSet());
      for (Map<String, Object> rule : maps(map(m.jobSpec().get("podFailurePolicy")).get("rules"))) {
        if (rule.containsKey("onExitCodes")) {
          assertTrue(names.contains(map(rule.get("onExitCodes")).get("containerName")), m + ": " + rule);
        }
      }
    }
  }

  @Test
  void theCronJobRunsOneNightAtATimeAndBoundsWhatItKeeps() {
    Manifest cron = KubernetesManifests.workloads().stream()
        .filter(m -> m.kind().equals("CronJob")).findFirst().orElseThrow();
    Map<String, Object> spec = cron.spec();
    assertEquals(5, ((String) spec.get("schedule")).trim().split("\\s+").length, "a five-field cron schedule");
    assertEquals("Forbid", spec.get("concurrencyPolicy"));
    for (String limit : List.of("successfulJobsHistoryLimit", "failedJobsHistoryLimit")) {
      assertTrue((Integer) spec.get(limit) >= 1, limit);
    }
    for (String limit : List.of("ttlSecondsAfterFinished", "activeDeadlineSeconds")) {
      assertTrue((Integer) cron.jobSpec().get(limit) > 0, limit);
    }
    // Regressions (compare's exit 1, turned into 3) and bad input (2) fail the night at once.
    Map<String, Object> failJob = maps(map(cron.jobSpec().get("podFailurePolicy")).get("rules")).stream()
        .filter(r -> "FailJob".equals(r.get("action"))).findFirst().orElseThrow();
    assertEquals(List.of(2, 3), map(failJob.get("onExitCodes")).get("values"));
    Map<String, Object> container = cron.containers().get(0);
    String script = KubernetesManifests.script(container);
    assertTrue(script.contains("if [ \"$status\" -eq 1 ]; then exit 3; fi"), script);
    Map<String, Object> jobName = maps(container.get("env")).stream()
        .filter(e -> "JOB_NAME".equals(e.get("name"))).findFirst().orElseThrow();
    assertEquals("metadata.labels['job-name']",
        map(map(jobName.get("valueFrom")).get("fieldRef")).get("fieldPath"), "the downward API's Job name");
  }

  /**
   * Each night writes below its own folder, named for its Job, and only pod 0 merges, after
   * waiting for the completion marker of every other shard.
   */
  @Test
  void theCronJobWritesEachNightToItsOwnFolderAndMergesAfterEveryShard() {
    Manifest cron = KubernetesManifests.workloads().stream()
        .filter(m -> m.kind().equals("CronJob")).findFirst().orElseThrow();
    // A CronJob names its Jobs <cronjob name>-<scheduled minutes since 1970>.
    String job = cron.name() + "-29412345";
    String script = KubernetesManifests.script(cron.containers().get(0));
    List<List<String>> commands = ShellCommands.optbenchArguments(script,
        Map.of("JOB_NAME", job, "JOB_COMPLETION_INDEX", "0"));
    assertEquals(List.of("run", "merge", "report", "compare"), commands.stream().map(c -> c.get(0)).toList());
    String night = "/results/nightly-runs/" + job;
    for (List<String> command : commands) {
      for (String output : List.of("--out", "--report", "--reports")) {
        int at = command.indexOf(output);
        if (at >= 0) {
          assertTrue(command.get(at + 1).startsWith(night + "/"), command.toString());
        }
      }
    }
    int completions = (Integer) cron.jobSpec().get("completions");
    assertTrue(script.contains("touch \"$night/shard-${JOB_COMPLETION_INDEX}.done\""), script);
    assertTrue(script.contains("while [ \"$i\" -lt " + completions + " ]"), "waits for every other shard");
    Matcher prune = Pattern.compile("sh deploy/k8s/prune-results.sh runs (\\S+) (\\S+) (\\d+)").matcher(script);
    assertTrue(prune.find(), script);
    assertEquals(Path.of(night).getParent().toString(), prune.group(1), "prunes the folder of the nights");
    assertEquals(cron.name(), prune.group(2), "only folders named as the CronJob names its Jobs");
    assertTrue(Integer.parseInt(prune.group(3)) >= 1);
  }
}
