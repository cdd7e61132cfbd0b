package org.optbench.compare;

import java.util.ArrayList;
import java.util.List;
import org.optbench.io.Manifest;

/**
 * Whether the two result sets of a comparison come from one deterministic code path, so that an
 * unchanged seed must reproduce its baseline bit for bit.
 *
 * <p>The rule, on the two manifests: both ran libtorch with one intra-op thread ({@code threads}
 * = 1: with more, recurrent and attention models differ in the last bits from run to run), and
 * they agree on {@code pytorch_version}, {@code djl_version}, {@code java_version} (the native
 * engine and every summary are computed in Java, whose {@code Math} functions may differ by an
 * ulp between JDK builds), {@code cpu} and {@code os} (libtorch picks its kernels by processor;
 * {@code os} includes the architecture), and the processor is known (not {@code unknown}). The
 * optbench version and commit may differ: they are what is being checked.
 *
 * @param deterministic whether seeds are compared exactly
 * @param reason for people: what makes it so, or the first thing that differs
 */
record Determinism(boolean deterministic, String reason) {

  static Determinism of(Manifest baseline, Manifest current) {
    List<String> differences = new ArrayList<>();
    if (baseline.threads() != 1 || current.threads() != 1) {
      differences.add("threads " + baseline.threads() + " vs " + current.threads() + " (1 needed)");
    }
    differ(differences, "libtorch", baseline.pytorchVersion(), current.pytorchVersion());
    differ(differences, "DJL", baseline.djlVersion(), current.djlVersion());
    differ(differences, "Java", baseline.javaVersion(), current.javaVersion());
    differ(differences, "cpu", baseline.cpu(), current.cpu());
    differ(differences, "os", baseline.os(), current.os());
    if (differences.isEmpty() && baseline.cpu().equals("unknown")) {
      differences.add("cpu unknown");
    }
    if (differences.isEmpty()) {
      return new Determinism(true, "same libtorch " + current.pytorchVersion() + ", DJL "
          + current.djlVersion() + ", Java " + current.javaVersion() + ", 1 thread, cpu '"
          + current.cpu() + "', os '" + current.os() + "'");
    }
    return new Determinism(false, String.join("; ", differences));
  }

  private static void differ(List<String> differences, String what, String a, String b) {
    if (!a.equals(b)) {
      differences.add(what + " '" + a + "' vs '" + b + "'");
    }
  }
}
