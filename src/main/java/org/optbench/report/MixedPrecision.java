package org.optbench.report;

/**
 * Training-state bytes of a model with {@code n} parameters and {@code state} bytes of fp32
 * optimizer state, in fp32 and in mixed precision as mixed-precision training keeps them
 * (Micikevicius et al., "Mixed Precision Training", ICLR 2018, §3.1): fp16/bf16 weights and
 * gradients for the forward and backward pass, an fp32 master copy of the weights that the
 * optimizer updates, and fp32 optimizer state.
 *
 * <p>fp32: 4n (params) + 4n (grads) + state. Mixed: 2n + 2n + 4n (master) + state. Both are
 * 8n + state, for every optimizer and every n, so the ratio is 1 and a table of it per optimizer
 * would repeat 1 in every row: the report says it once. Mixed precision saves activation memory
 * and bandwidth, which this accounting (and runs.csv) does not include.
 */
record MixedPrecision(double n, double state) {

  /** 4-byte parameters, 4-byte gradients, the optimizer state. */
  double fp32Bytes() {
    return 4 * n + 4 * n + state;
  }

  /** 2-byte parameters and gradients, a 4-byte master copy, the fp32 optimizer state. */
  double mixedBytes() {
    return 2 * n + 2 * n + 4 * n + state;
  }

  /** The sentence the memory section shows, with this model and optimizer as the example. */
  String sentence(String example) {
    return "Mixed precision (fp16 or bf16) does not change these totals: it keeps 2-byte"
        + " parameters and gradients (2n + 2n) plus an fp32 master copy of the parameters (4n) and"
        + " the fp32 optimizer state, 8n + state bytes, the same as fp32's 4n + 4n + state, so"
        + " mixed / fp32 = 1 for every optimizer (e.g. "
        + example
        + ": "
        + Numbers.bytes(mixedBytes())
        + " either way). It saves activation memory and memory bandwidth, which this accounting"
        + " and runs.csv do not include, so no per-optimizer table of it is shown.";
  }
}
