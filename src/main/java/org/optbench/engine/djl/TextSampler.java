package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.optbench.dataset.CharVocabulary;
import org.optbench.workload.TextGeneration;

/**
 * Continues the workload's prompt with the trained language model: each next character is drawn
 * from softmax(logits / temperature) at the last position, with the context cut to the last
 * {@code seqLen} tokens (the positions a Transformer has learned; for a recurrent model the
 * length it was trained to carry state over). The draw uses a Java random stream of the seed, so
 * a sample depends only on the weights, not on the engine's random generator.
 */
final class TextSampler {

  private TextSampler() {}

  /** The prompt followed by the generated characters. */
  static String sample(Trainer trainer, TextGeneration generation, int seqLen, long seed) {
    CharVocabulary vocabulary = generation.vocabulary();
    List<Integer> tokens = new ArrayList<>();
    for (int id : vocabulary.encode(generation.prompt().isEmpty() ? "\n" : generation.prompt())) {
      tokens.add(id);
    }
    SplittableRandom random = new SplittableRandom(seed ^ 0x7EC5A3B1L);
    int[] generated = new int[generation.length()];
    for (int i = 0; i < generated.length; i++) {
      int n = Math.min(seqLen, tokens.size());
      float[] context = new float[n];
      for (int j = 0; j < n; j++) {
        context[j] = tokens.get(tokens.size() - n + j);
      }
      float[] probabilities;
      try (NDManager scratch = trainer.getManager().newSubManager()) {
        NDArray x = scratch.create(context, new Shape(1, n));
        NDArray logits = trainer.evaluate(new NDList(x)).singletonOrThrow().get(0, n - 1);
        probabilities = logits.div((float) generation.temperature()).softmax(0).toFloatArray();
      }
      generated[i] = draw(probabilities, random.nextDouble());
      tokens.add(generated[i]);
    }
    return generation.prompt() + vocabulary.decode(generated);
  }

  /** The index where the cumulative probability first exceeds {@code u} (inverse CDF). */
  static int draw(float[] probabilities, double u) {
    double cumulative = 0;
    for (int i = 0; i < probabilities.length; i++) {
      cumulative += probabilities[i];
      if (u < cumulative) {
        return i;
      }
    }
    return probabilities.length - 1;
  }
}
