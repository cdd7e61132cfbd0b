package org.optbench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * Every object in deploy/k8s/*.yaml as SnakeYAML reads it, with the paths into the parts tests
 * check (Kubernetes API reference, batch/v1 Job and CronJob: a Job's pod template is
 * {@code spec.template}, a CronJob's {@code spec.jobTemplate.spec.template}).
 */
final class KubernetesManifests {

  static final Path FOLDER = Path.of("deploy/k8s");

  /** One object of a manifest file. */
  record Manifest(Path file, Map<String, Object> object) {

    String kind() {
      return (String) object.get("kind");
    }

    String name() {
      return (String) map(object.get("metadata")).get("name");
    }

    Map<String, Object> spec() {
      return map(object.get("spec"));
    }

    /** The Job spec: the object's own for a Job, the template's for a CronJob. */
    Map<String, Object> jobSpec() {
      return kind().equals("CronJob") ? map(map(spec().get("jobTemplate")).get("spec")) : spec();
    }

    Map<String, Object> podSpec() {
      return map(map(jobSpec().get("template")).get("spec"));
    }

    List<Map<String, Object>> containers() {
      return maps(podSpec().get("containers"));
    }

    @Override
    public String toString() {
      return file + " " + kind() + "/" + name();
    }
  }

  private KubernetesManifests() {}

  static List<Manifest> all() {
    try (Stream<Path> files = Files.list(FOLDER)) {
      List<Manifest> all = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        for (Object doc : new Yaml().loadAll(Files.readString(file))) {
          all.add(new Manifest(file, map(doc)));
        }
      }
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Jobs and CronJobs: the objects that run pods. */
  static List<Manifest> workloads() {
    return all().stream().filter(m -> m.kind().equals("Job") || m.kind().equals("CronJob")).toList();
  }

  /** A container's shell script: its command and args as {@code sh -c} receives them. */
  static String script(Map<String, Object> container) {
    List<String> command = strings(container.get("command"));
    if (!command.equals(List.of("/bin/sh", "-c"))) {
      throw new AssertionError("containers run their command line through /bin/sh -c: " + command);
    }
    return String.join(" ", strings(container.get("args")));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> maps(Object o) {
    return o == null ? List.of() : (List<Map<String, Object>>) o;
  }

  @SuppressWarnings("unchecked")
  static List<String> strings(Object o) {
    return o == null ? List.of() : (List<String>) o;
  }
}
