package org.optbench.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs the whole bad-input corpus against a built optbench jar, one child JVM per case and
 * command, and prints the audit table: per category, the (case, command) pairs, how many ended
 * cleanly (exit 2, one message, nothing written), with a stack trace, with files written, and hung.
 *
 * <pre>{@code
 * mvn -q -B test-compile && java -cp "target/test-classes:target/classes:target/lib/*" \
 *     org.optbench.fuzz.Audit target/optbench.jar [JOBS] [TIMEOUT_SECONDS] [CATEGORY_PREFIX]
 * }</pre>
 *
 * (scripts/audit.sh does exactly that.) Details of every pair that is not clean go to
 * {@code target/audit-details.txt}.
 */
public final class Audit {

  private Audit() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: Audit JAR [JOBS] [TIMEOUT_SECONDS] [CATEGORY_PREFIX]");
      System.exit(2);
    }
    Path jar = Path.of(args[0]).toAbsolutePath();
    int jobs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int timeout = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    String only = args.length > 3 ? args[3] : "";
    Path work = Files.createTempDirectory("optbench-audit-");
    ChildJvm jvm = new ChildJvm(jar, timeout);

    Path base = trainBase(jvm, work.resolve("base"));
    List<Pair> pairs = new ArrayList<>();
    BadSpecs.all().forEach(c -> Probe.forSpecs().forEach(p -> pairs.add(new Pair(c, p))));
    BadReplayFiles.all().forEach(c -> Probe.forReplay().forEach(p -> pairs.add(new Pair(c, p))));
    DamagedResultSets.all(base).forEach(c -> Probe.forResults(base).forEach(p -> pairs.add(new Pair(c, p))));

    pairs.removeIf(pair -> !pair.fuzzCase().category().startsWith(only));
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    List<Future<Outcome>> futures = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      Pair pair = pairs.get(i);
      Path dir = work.resolve("case-" + i);
      futures.add(pool.submit(() -> run(jvm, pair, dir, base)));
    }
    Map<String, Row> rows = new TreeMap<>();
    StringBuilder details = new StringBuilder();
    for (int i = 0; i < pairs.size(); i++) {
      Pair pair = pairs.get(i);
      Outcome outcome = futures.get(i).get();
      rows.computeIfAbsent(pair.fuzzCase().category(), k -> new Row()).add(outcome);
      rows.computeIfAbsent("~ all", k -> new Row()).add(outcome);
      if (!outcome.clean()) {
        details.append(pair.fuzzCase()).append(" × ").append(pair.probe().name()).append(": ")
            .append(outcome.describe()).append('\n');
      }
    }
    pool.shutdown();
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/audit-details.txt"), details);
    System.out.println("| category | pairs (case × command) | clean exit 2 | stack traces | files written | hangs |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
    rows.forEach((category, row) -> System.out.println("| " + category.replace("~ ", "") + " | " + row));
  }

  private record Pair(FuzzCase fuzzCase, Probe probe) {}

  private static Outcome run(ChildJvm jvm, Pair pair, Path dir, Path base) throws IOException {
    Files.createDirectories(dir.resolve("in"));
    Path input = pair.fuzzCase().input().create(dir.resolve("in"));
    Path out = dir.resolve("out");
    List<Path> watched = List.of(dir, base);
    FolderSnapshot before = FolderSnapshot.of(watched);
    ChildJvm.Result result = jvm.run(dir, pair.probe().line().args(input, out));
    List<String> written = FolderSnapshot.of(watched).changedSince(before).stream()
        .filter(p -> !p.endsWith(".log")).toList();
    return new Outcome(result.hung() ? -1 : result.exit(), result.err(), written);
  }

  private static Path trainBase(ChildJvm jvm, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path spec = Files.writeString(dir.resolve("fuzzbase.yaml"), DamagedResultSets.SPEC);
    ChildJvm.Result r = jvm.run(dir, List.of("run", spec.toString(), "--out", dir.resolve("results").toString(),
        "--reports", dir.resolve("reports").toString(), "--no-progress"));
    Path base = dir.resolve("results/fuzzbase");
    if (r.exit() != 0 || !Files.isDirectory(base)) {
      throw new IllegalStateException("could not train the base result set: " + r.err());
    }
    return base;
  }

  /** Starts the jar under test in a child JVM with a time limit. */
  private record ChildJvm(Path jar, int timeoutSeconds) {

    record Result(int exit, boolean hung, String err) {}

    Result run(Path cwd, List<String> args) throws IOException {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx2g", "-XX:MaxDirectMemorySize=1g", "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true",
          "-jar", jar.toString()));
      command.addAll(args);
      Path errFile = cwd.resolve("stderr.log");
      ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(errFile.toFile());
      builder.environment().put("OPT_OUT_TRACKING", "true");
      Process process = builder.start();
      boolean done;
      try {
        done = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        done = false;
      }
      if (!done) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
          process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      String err = Files.readString(errFile, StandardCharsets.UTF_8);
      return new Result(done ? process.exitValue() : -1, !done, err);
    }
  }

  /** Counts of one table row. */
  private static final class Row {
    int pairs;
    int clean;
    int traces;
    int written;
    int hangs;

    void add(Outcome o) {
      pairs++;
      clean += o.clean() ? 1 : 0;
      traces += o.stackTrace() ? 1 : 0;
      written += o.written().isEmpty() ? 0 : 1;
      hangs += o.hung() ? 1 : 0;
    }

    @Override
    public String toString() {
      return pairs + " | " + clean + " | " + traces + " | " + written + " | " + hangs + " |";
    }
  }
}
