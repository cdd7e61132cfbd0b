package org.optbench.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run produces besides its step rows and summary: throughput in the workload's own units
 * and, for language models, the end-of-run text sample and the held-out loss in bits and
 * perplexity. Kept apart from {@link RunSummary} so that the runs.csv schema does not change; a
 * writer may add these as columns or files.
 *
 * @param metrics named numbers, see the {@code *_PER_SECOND} and {@code EVAL_*} keys; a key is
 *     absent when it does not apply to the workload
 * @param samples named texts, e.g. {@link #SAMPLE} → the prompt and its continuation
 */
public record RunArtifacts(Map<String, Double> metrics, Map<String, String> samples) {

  /** Training examples per second of training time (steps/s × batch size). */
  public static final String EXAMPLES_PER_SECOND = "examples_per_second";
  /** Predicted tokens per second of training time (steps/s × batch size × sequence length). */
  public static final String TOKENS_PER_SECOND = "tokens_per_second";
  /** Last held-out loss in bits per token: loss / ln 2. */
  public static final String EVAL_BITS_PER_TOKEN = "eval_bits_per_token";
  /** Last held-out perplexity: e^loss. */
  public static final String EVAL_PERPLEXITY = "eval_perplexity";
  /** The language model's text sample: the fixed prompt followed by what the model wrote. */
  public static final String SAMPLE = "sample";

  /** Nothing beyond the summary. */
  public static final RunArtifacts NONE = new RunArtifacts(Map.of(), Map.of());

  public RunArtifacts {
    // Insertion order is kept so that writers list the keys the same way every run.
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    samples = Collections.unmodifiableMap(new LinkedHashMap<>(samples));
  }

  /**
   * The throughput and language-model metrics a finished run implies.
   *
   * @param summary the run's summary (steps/s, last held-out loss)
   * @param examplesPerStep examples each step consumed
   * @param tokensPerStep tokens each step predicted, 0 for models that do not predict tokens
   * @param samples text samples, possibly none
   */
  public static RunArtifacts of(
      RunSummary summary, int examplesPerStep, long tokensPerStep, Map<String, String> samples) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put(EXAMPLES_PER_SECOND, summary.stepsPerSecond() * examplesPerStep);
    if (tokensPerStep > 0) {
      metrics.put(TOKENS_PER_SECOND, summary.stepsPerSecond() * tokensPerStep);
      double loss = summary.finalEvalLoss();
      metrics.put(EVAL_BITS_PER_TOKEN, loss / Math.log(2));
      metrics.put(EVAL_PERPLEXITY, Math.exp(loss));
    }
    return new RunArtifacts(metrics, samples);
  }
}
