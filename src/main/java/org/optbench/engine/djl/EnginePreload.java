package org.optbench.engine.djl;

import ai.djl.engine.Engine;

/**
 * Loads libtorch ahead of the first cell. Loading the PyTorch engine (mapping libtorch and
 * initialising it) takes 0.6–1 s, which a run would otherwise spend on its critical path after
 * parsing its specs; started on another thread at the top of {@code run}, it overlaps with that
 * work. DJL's engine provider initialises under a lock, so a cell that asks for the engine while
 * the load is under way waits for it rather than loading twice.
 */
public final class EnginePreload {

  private EnginePreload() {}

  /**
   * Applies the allocator settings ({@link NativeAllocator}) and loads the PyTorch engine with the
   * thread counts already set ({@link DjlOffline#threads}).
   */
  public static void load() {
    DjlOffline.enforce();
    NativeAllocator.apply();
    Engine.getEngine("PyTorch");
  }
}
