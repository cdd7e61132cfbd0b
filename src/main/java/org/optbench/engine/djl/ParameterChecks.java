package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.List;

/** Checks on parameter values that the divergence policy needs. */
final class ParameterChecks {

  private ParameterChecks() {}

  /** Whether every parameter value is finite. */
  static boolean allFinite(List<Parameter> parameters) {
    for (Parameter parameter : parameters) {
      NDArray array = parameter.getArray();
      try (NDArray sum = array.sum()) {
        // A sum of finite float32 values can overflow, but then the weights are ~1e38: diverged.
        if (!Float.isFinite(sum.getFloat())) {
          return false;
        }
      }
    }
    return true;
  }
}
