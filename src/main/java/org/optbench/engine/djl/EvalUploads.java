package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.optbench.dataset.TabularData;

/**
 * Held-out splits already copied to the engine, shared by the cells that evaluate on them. A grid
 * trains many optimizers on one workload and data seed, and each cell used to copy the same split
 * again (31 MB for Fashion-MNIST's 10,000 test images); the arrays are only read, so one copy
 * serves them all. Keyed by the split's identity (workloads compute a seed's data once, {@code
 * SeedMemo}, so equal splits are the same object) and by the shapes and target encoding a
 * workload gives them, since two workloads may read one dataset differently. The last {@link #KEPT} splits are kept, on a
 * manager of their own that outlives the cells, and the oldest is freed when another arrives.
 */
final class EvalUploads {

  /** Splits kept: a grid's cells run workload by workload, seed by seed. */
  static final int KEPT = 2;

  /** The split's inputs and targets on the engine. */
  record Upload(NDArray x, NDArray y) {}

  /** A split as one workload lays it out: its identity, input shape and target encoding. */
  record Key(TabularData split, String layout) {

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.split == split && key.layout.equals(layout);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(split) * 31 + layout.hashCode();
    }
  }

  private static final Map<Key, Upload> UPLOADS = new LinkedHashMap<>();
  private static NDManager manager;

  private EvalUploads() {}

  /** {@code key}'s split on the engine, copied by {@code upload} on first use. */
  static synchronized Upload of(Key key, Function<NDManager, Upload> upload) {
    Upload cached = UPLOADS.get(key);
    if (cached != null) {
      return cached;
    }
    if (manager == null) {
      manager = NDManager.newBaseManager("PyTorch");
    }
    if (UPLOADS.size() >= KEPT) {
      Key oldest = UPLOADS.keySet().iterator().next();
      Upload evicted = UPLOADS.remove(oldest);
      evicted.x().close();
      evicted.y().close();
    }
    Upload fresh = upload.apply(manager);
    UPLOADS.put(key, fresh);
    return fresh;
  }
}
