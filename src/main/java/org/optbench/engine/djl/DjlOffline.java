package org.optbench.engine.djl;

/**
 * Puts DJL into offline mode before any of its classes initialise. Without these two settings
 * DJL's engine start looks for model-zoo updates and, on first use, sends telemetry after querying
 * a cloud metadata address (ai.djl.util.Ec2Utils#callHome); optbench must never open a connection.
 */
public final class DjlOffline {

  private DjlOffline() {}

  /** Sets {@code ai.djl.offline} and {@code OPT_OUT_TRACKING} unless the user set them. */
  public static void enforce() {
    // DJL reads OPT_OUT_TRACKING as an environment variable or a system property
    // (Utils.getEnvOrSystemProperty), so the property suffices even when the variable is absent.
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("OPT_OUT_TRACKING", "true");
  }

  /**
   * Sets libtorch's intra-op and inter-op thread counts; effective only before the PyTorch engine
   * loads. With one thread, runs are bit-identical from one JVM to the next.
   */
  public static void threads(int threads) {
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
  }
}
