package org.optbench.engine.djl;

import ai.djl.engine.Engine;

/** Versions of DJL and of the libtorch it loaded, for result manifests. */
public final class DjlVersions {

  static {
    DjlOffline.enforce();
  }

  private DjlVersions() {}

  /** DJL's version. */
  public static String djl() {
    return Engine.getDjlVersion();
  }

  /** The PyTorch (libtorch) version of the loaded engine; loads the engine if needed. */
  public static String pytorch() {
    return Engine.getEngine("PyTorch").getVersion();
  }
}
