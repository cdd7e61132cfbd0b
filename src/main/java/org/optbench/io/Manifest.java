package org.optbench.io;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.optbench.metrics.RunEnvironment;
import org.optbench.spec.ExperimentSpec;

/**
 * {@code manifest.json}: what produced a result set, and when. Written last, so a folder with a
 * manifest holds complete {@code steps.parquet} and {@code runs.csv} files.
 *
 * @param schemaVersion the version of the files' columns ({@link #SCHEMA_VERSION} when written;
 *     1 for result sets written before the field existed, which readers upgrade on read:
 *     docs/data-schema.md)
 * @param experiment experiment name
 * @param description the spec's description
 * @param specFile the spec file the experiment was read from
 * @param specSha256 SHA-256 of {@code specText}
 * @param specText the spec exactly as written
 * @param optbenchVersion optbench's version
 * @param gitCommit commit of the optbench checkout
 * @param javaVersion Java version
 * @param djlVersion DJL version
 * @param pytorchVersion libtorch version
 * @param threads intra-op threads of the engine
 * @param os operating system
 * @param cpu processor model
 * @param cores available processors
 * @param started when the first run started, ISO-8601 UTC
 * @param finished when the result set was committed, ISO-8601 UTC
 * @param cells runs the spec's grid asks for (every cell × seed × engine)
 * @param runs runs in this result set
 * @param divergedRuns runs among them that diverged
 * @param status {@code complete} when every run of the grid is present, else {@code partial}
 */
public record Manifest(
    int schemaVersion,
    String experiment,
    String description,
    String specFile,
    String specSha256,
    String specText,
    String optbenchVersion,
    String gitCommit,
    String javaVersion,
    String djlVersion,
    String pytorchVersion,
    int threads,
    String os,
    String cpu,
    int cores,
    String started,
    String finished,
    int cells,
    int runs,
    int divergedRuns,
    String status) {

  public static final String COMPLETE = "complete";
  public static final String PARTIAL = "partial";

  /**
   * The version of the result files' columns this optbench writes. 2: one column per
   * hyperparameter, {@code clip_method} for {@code clip}, {@code crosscheck_mode} for {@code
   * mode}, empty cells for missing values (docs/data-schema.md).
   */
  public static final int SCHEMA_VERSION = 2;

  /** The manifest of {@code runs} runs ({@code diverged} of them diverged) of {@code spec}. */
  public static Manifest of(
      ExperimentSpec spec,
      RunEnvironment env,
      Instant started,
      Instant finished,
      int runs,
      int diverged) {
    int cells = spec.plannedRuns();
    return new Manifest(
        SCHEMA_VERSION,
        spec.name(),
        spec.description(),
        spec.source() == null ? "" : spec.source().toString(),
        spec.sha256(),
        spec.text(),
        env.optbenchVersion(),
        env.gitCommit(),
        env.javaVersion(),
        env.djlVersion(),
        env.pytorchVersion(),
        env.threads(),
        env.os(),
        env.cpu(),
        env.cores(),
        // Whole seconds: sub-second digits add noise to a human-read file and to folder names.
        started.truncatedTo(ChronoUnit.SECONDS).toString(),
        finished.truncatedTo(ChronoUnit.SECONDS).toString(),
        cells,
        runs,
        diverged,
        runs >= cells ? COMPLETE : PARTIAL);
  }

  /** {@link #started} as an instant. */
  @JsonIgnore
  public Instant startedAt() {
    return Instant.parse(started);
  }

  /** {@link #finished} as an instant. */
  @JsonIgnore
  public Instant finishedAt() {
    return Instant.parse(finished);
  }

  /** Wall time from start to commit. */
  @JsonIgnore
  public Duration wallTime() {
    return Duration.between(startedAt(), finishedAt());
  }
}
