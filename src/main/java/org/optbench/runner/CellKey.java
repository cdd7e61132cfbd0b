package org.optbench.runner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.optbench.metrics.RunEnvironment;
import org.optbench.spec.Cell;

/**
 * A cell's content key: everything that determines its numbers. A stored run is reused only when
 * its key equals the key the current build would give it.
 *
 * <p>The key covers the cell's resolved spec ({@link Cell#identity()}: workload, optimizer, clip,
 * schedule and their hyperparameters, seed, engine, steps, evaluation interval), optbench's version
 * and a digest of its compiled classes ({@link CodeVersion}: any code change, committed or not,
 * retrains), the DJL and libtorch versions, and the intra-op thread count (with more than one thread, recurrent
 * models differ in the last bits). The machine is not part of it: results are portable between
 * machines with the same software, which is what lets shards run on different machines.
 */
public final class CellKey {

  private CellKey() {}

  /** The key of {@code cell} as produced in {@code env}, 64 hex digits. */
  public static String of(Cell cell, RunEnvironment env) {
    String text =
        String.join(
            "|",
            cell.identity(),
            "optbench=" + env.optbenchVersion(),
            "code=" + CodeVersion.current(),
            "djl=" + env.djlVersion(),
            "pytorch=" + env.pytorchVersion(),
            "threads=" + env.threads());
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
