package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import java.util.HashMap;
import java.util.Map;

/**
 * One float32 and one float64 scratch buffer for all of an optimizer's parameters, each
 * parameter seeing them as views of its own shape. Parameters are updated one after the other,
 * so no two updates use the scratch at once; sized for the largest parameter, the scratch costs
 * 12 bytes per element of that one tensor instead of 12 bytes per parameter element, which for
 * Adafactor (whose point is a small state) would otherwise be three times the weights' bytes.
 *
 * <p>The buffers grow when a larger parameter arrives: every view is then dropped and remade on
 * its parameter's next update, so the old buffers are freed rather than kept alive by old views.
 */
final class SharedScratch {

  private final NDManager manager;
  private final Map<String, NDArray[]> views = new HashMap<>();
  private NDArray narrow;
  private NDArray wide;
  private long capacity = -1;

  SharedScratch(NDManager manager) {
    this.manager = manager;
  }

  /** {weight-shaped view of the float32 buffer (weight's type), view of the float64 buffer}. */
  NDArray[] of(String parameterId, NDArray weight) {
    long size = weight.getShape().size();
    if (size > capacity) {
      grow(size, weight.getDataType());
    }
    return views.computeIfAbsent(parameterId, id -> new NDArray[] {view(narrow, weight),
        view(wide, weight)});
  }

  private void grow(long size, DataType type) {
    views.values().forEach(pair -> {
      pair[0].close();
      pair[1].close();
    });
    views.clear();
    if (narrow != null) {
      narrow.close();
      wide.close();
    }
    narrow = manager.zeros(new ai.djl.ndarray.types.Shape(size), type);
    wide = manager.zeros(new ai.djl.ndarray.types.Shape(size), DataType.FLOAT64);
    capacity = size;
  }

  private static NDArray view(NDArray flat, NDArray weight) {
    long size = weight.getShape().size();
    try (NDArray prefix = flat.get(new NDIndex("0:" + size))) {
      NDArray shaped = prefix.reshape(weight.getShape());
      shaped.attach(flat.getManager());
      return shaped;
    }
  }
}
