package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * target ← source in place, in one pass: DJL's slice assignment on the PyTorch engine, i.e.
 * torch's {@code target[0:n] = source}, a {@code copy_} that broadcasts and converts the type
 * (float32 into float64 exactly). DJL has no {@code copy_} of its own; 0·target + source takes
 * two passes and is exact only for a finite target, where this is exact for any contents,
 * signed zeros included.
 */
final class InPlaceCopy {

  private InPlaceCopy() {}

  /**
   * Copies {@code source} (broadcastable to target's shape) into {@code target}; a 0-dim target
   * (no slice to assign) falls back to 0·target + source.
   */
  static void into(NDArray target, NDArray source) {
    if (target instanceof PtNDArray pt && source instanceof PtNDArray from
        && target.getShape().dimension() > 0) {
      long rows = target.getShape().get(0);
      JniUtils.indexSet(pt, from, new long[] {0}, new long[] {rows}, new long[] {1});
    } else {
      target.muli(0).addi(source);
    }
  }
}
