package org.optbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * deploy/docker/Dockerfile read as its stages and instructions, enough for tests to check what the
 * image build relies on without a container engine. Follows the Dockerfile reference
 * (docs.docker.com/reference/dockerfile): a line ending in a backslash continues on the next,
 * lines starting with {@code #} are comments, {@code FROM image AS name} starts a stage.
 */
record DockerfileStages(String text, List<Stage> stages) {

  static final Path DOCKERFILE = Path.of("deploy/docker/Dockerfile");
  static final Path DOCKERIGNORE = Path.of("deploy/docker/Dockerfile.dockerignore");

  /** One instruction: its keyword in upper case and the rest of its (joined) line. */
  record Instruction(String keyword, String arguments) {}

  /** One build stage: the image it starts from, its name and its instructions after FROM. */
  record Stage(String from, String name, List<Instruction> instructions) {

    List<String> arguments(String keyword) {
      return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** Every {@code ENV key=value} of the stage, later ones overriding earlier ones. */
    Map<String, String> env() {
      Map<String, String> env = new LinkedHashMap<>();
      for (String line : arguments("ENV")) {
        for (String pair : line.trim().split("\\s+")) {
          int eq = pair.indexOf('=');
          env.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
      return env;
    }
  }

  static DockerfileStages read() throws IOException {
    String text = Files.readString(DOCKERFILE);
    List<Stage> stages = new ArrayList<>();
    Pattern from = Pattern.compile("(\\S+)\\s+AS\\s+(\\S+)", Pattern.CASE_INSENSITIVE);
    for (String line : text.replaceAll("\\\\\\n", " ").split("\\n")) {
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] parts = trimmed.split("\\s+", 2);
      String keyword = parts[0].toUpperCase();
      String arguments = parts.length > 1 ? parts[1] : "";
      if (keyword.equals("FROM")) {
        Matcher m = from.matcher(arguments);
        if (!m.matches()) {
          throw new IllegalStateException(DOCKERFILE + ": every stage needs a name (FROM image AS name): " + line);
        }
        stages.add(new Stage(m.group(1), m.group(2), new ArrayList<>()));
      } else if (!stages.isEmpty()) {
        stages.get(stages.size() - 1).instructions().add(new Instruction(keyword, arguments));
      }
    }
    return new DockerfileStages(text, stages);
  }

  Stage stage(String name) {
    return stages.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(DOCKERFILE + " has no stage " + name));
  }

  /**
   * The image name the header's {@code docker build ... -t NAME [--build-arg ...] .} gives the
   * image.
   */
  String imageName() {
    Matcher m = Pattern.compile("docker build -f " + DOCKERFILE
        + " -t (\\S+) (?:\\\\\\n#\\s+--build-arg OPTBENCH_COMMIT=[^\\n]*? )?\\.").matcher(text);
    if (!m.find()) {
      throw new AssertionError(DOCKERFILE + " names no image in a `docker build -f ... -t NAME .` line");
    }
    return m.group(1);
  }
}
