package org.optbench.engine.djl;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * libtorch's grad mode is thread-local (c10::AutoGradMode), and DJL's PyTorch engine switches it
 * off only on the thread that loads the engine. Training updates parameters in place outside the
 * gradient collector, which libtorch refuses for a leaf that requires grad while grad mode is on;
 * so a thread that trains must switch it off itself when the engine was loaded elsewhere (by
 * another thread of the process, e.g. a test's or a background loader's).
 */
final class ThreadGradMode {

  private ThreadGradMode() {}

  /** Loads the engine if needed and switches grad mode off on the calling thread. */
  static void off() {
    Engine.getEngine("PyTorch");
    JniUtils.setGradMode(false);
  }
}
