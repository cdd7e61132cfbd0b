package org.optbench.workload;

import org.optbench.dataset.CharVocabulary;

/**
 * How a language-model workload writes its sample at the end of a run: continue a fixed prompt
 * by {@code length} characters, sampling each from softmax(logits / temperature) with a random
 * stream of the run's seed, the context cut to the model's last {@code seqLen} tokens.
 *
 * @param vocabulary the training text's characters
 * @param prompt the fixed start of every sample
 * @param length characters to generate
 * @param temperature softmax temperature; lower is more conservative
 */
public record TextGeneration(
    CharVocabulary vocabulary, String prompt, int length, double temperature) {}
