package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optbench.cli.DockerfileStages.Stage;

/**
 * deploy/docker/Dockerfile cannot be built here (no container engine); this checks what its
 * build relies on: the stages, that every COPY has its source (in the repository and let through
 * by the .dockerignore, or in an earlier stage), and that the stage which unpacks libtorch uses
 * the cache folder the runtime stage reads.
 */
class DockerfileTest {

  @Test
  void threeStagesBuildWithMavenAndJdk17AndRunOnAJre17() throws IOException {
    DockerfileStages docker = DockerfileStages.read();
    assertEquals(List.of("build", "engine", "runtime"), docker.stages().stream().map(Stage::name).toList());
    assertTrue(docker.stage("build").from().matches("maven:[\\w.-]*eclipse-temurin-17"), docker.stage("build").from());
    assertTrue(docker.stage("build").arguments("RUN").stream()
        .anyMatch(run -> run.contains("mvn -B") && run.endsWith("package -DskipTests")));
    // The context has no .git: the commit results record comes from the build argument, which
    // the pom's build-info step keeps when given as -Dbuild.commit.
    assertTrue(docker.stage("build").arguments("ARG").contains("OPTBENCH_COMMIT=unknown"));
    assertTrue(docker.stage("build").arguments("RUN").stream()
        .anyMatch(run -> run.contains("-Dbuild.commit=\"${OPTBENCH_COMMIT}\"")));
    for (String name : List.of("engine", "runtime")) {
      assertTrue(docker.stage(name).from().matches("eclipse-temurin:17-jre[\\w.-]*"), docker.stage(name).from());
    }
  }

  @Test
  void everyCopyHasItsSourceInTheBuildContextOrAnEarlierStage() throws IOException {
    DockerfileStages docker = DockerfileStages.read();
    List<String> ignore = Files.readAllLines(DockerfileStages.DOCKERIGNORE).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    assertEquals("*", ignore.get(0), "the context holds only what is let through below");
    List<String> earlier = new ArrayList<>();
    int fromContext = 0;
    for (Stage stage : docker.stages()) {
      for (String copy : stage.arguments("COPY")) {
        List<String> words = List.of(copy.trim().split("\\s+"));
        if (words.get(0).startsWith("--from=")) {
          assertTrue(earlier.contains(words.get(0).substring("--from=".length())), copy);
          continue;
        }
        for (String source : words.subList(0, words.size() - 1)) {
          String path = source.replaceAll("/$", "");
          assertTrue(Files.exists(Path.of(path)), source + " is not in the repository");
          // A `!path` line lets a path and everything below it into the context.
          assertTrue(ignore.stream().filter(l -> l.startsWith("!")).map(l -> l.substring(1))
              .anyMatch(kept -> path.equals(kept) || path.startsWith(kept + "/")),
              source + " is not let through by " + DockerfileStages.DOCKERIGNORE);
          fromContext++;
        }
      }
      earlier.add(stage.name());
    }
    assertTrue(fromContext >= 6, "pom, src, the engine check spec, experiments, baselines, prune script");
  }

  /**
   * DJL reads the cache folder from ENGINE_CACHE_DIR, else DJL_CACHE_DIR (ai.djl.util.Utils
   * getEngineCacheDir); the engine stage unpacks into it and the runtime stage must read the same.
   */
  @Test
  void theRuntimeReadsTheEngineCacheTheEngineStageUnpacked() throws IOException {
    DockerfileStages docker = DockerfileStages.read();
    Map<String, String> engine = docker.stage("engine").env();
    Map<String, String> runtime = docker.stage("runtime").env();
    String cache = engine.get("ENGINE_CACHE_DIR");
    assertTrue(cache.startsWith("/"), cache);
    for (Map<String, String> env : List.of(engine, runtime)) {
      assertEquals(cache, env.get("ENGINE_CACHE_DIR"));
      assertEquals(cache, env.get("DJL_CACHE_DIR"));
      assertEquals("true", env.get("OPT_OUT_TRACKING"));
      assertEquals("true", env.get("DJL_OFFLINE"));
    }
    assertTrue(docker.stage("runtime").arguments("COPY").contains("--from=engine " + cache + " " + cache));
    String unpack = docker.stage("engine").arguments("RUN").get(0);
    assertTrue(unpack.startsWith("java -jar target/optbench.jar run "), unpack);
    // DJL makes the folder readable by its owner only; the image's user is another one.
    assertTrue(unpack.endsWith("chmod -R a+rX,a-w " + cache), unpack);
  }

  @Test
  void theRuntimeHoldsTheJarLibrariesSpecsAndBaselinesAndRunsAsAnotherUserThanRoot() throws IOException {
    Stage runtime = DockerfileStages.read().stage("runtime");
    List<String> copies = runtime.arguments("COPY");
    for (String expected : List.of("--from=build /src/target/optbench.jar target/optbench.jar",
        "--from=build /src/target/lib target/lib", "experiments experiments",
        "results/baselines results/baselines")) {
      assertTrue(copies.contains(expected), expected);
    }
    assertEquals(List.of("/opt/optbench"), runtime.arguments("WORKDIR"));
    String user = runtime.arguments("USER").get(0);
    assertTrue(user.matches("\\d+:\\d+"), "a numeric user lets Kubernetes check runAsNonRoot: " + user);
    assertNotEquals("0", user.split(":")[0]);
  }
}
