package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.testing.ConnectOnce;
import org.optbench.testing.ConnectTrace;

/**
 * The no-network proof on any JDK: a whole {@code optbench run} (DJL loading libtorch, training,
 * writing results and the report) in a child JVM traced for connect calls makes none to an Internet
 * address; and the same trace does see the one connection of a program that makes one, so that an
 * empty list means something. (CliRunTest's security-manager proof only runs before JDK 24.)
 * Skipped, saying so, where strace is absent or may not trace.
 */
@Tag("slow")
class TracedNetworkTest {

  private static final String SPEC = """
      name: traced
      description: one small run, traced for network connections
      workloads:
        - {model: mlp, hidden: [16], batch_size: 32, train_size: 256, eval_size: 64}
      steps: 20
      eval_every: 10
      seeds: [1]
      grid:
        optimizer:
          - {name: adam, lr: 0.01}
      """;

  @TempDir Path dir;

  @Test
  void aRunConnectsNowhereAndTheTraceSeesAConnectionWhenThereIsOne() throws Exception {
    assumeTrue(ConnectTrace.available(dir), ConnectTrace.STRACE + " absent or not allowed to"
        + " trace: the traced network check is skipped");
    Path spec = Files.writeString(dir.resolve("traced.yaml"), SPEC);
    ConnectTrace.Result run = ConnectTrace.run(dir, Main.class.getName(), "run", spec.toString(),
        "--out", dir.resolve("results").toString(), "--no-progress");
    assertEquals(0, run.exit(), run.output());
    assertTrue(Files.isRegularFile(dir.resolve("reports/traced/index.html")), run.output());
    assertEquals(List.of(), run.connects(), "Internet connect calls during a run");

    Path control = Files.createDirectories(dir.resolve("control"));
    try (ServerSocket server = new ServerSocket(0)) {
      ConnectTrace.Result connecting = ConnectTrace.run(control, ConnectOnce.class.getName(),
          Integer.toString(server.getLocalPort()));
      assertEquals(0, connecting.exit(), connecting.output());
      assertEquals(1, connecting.connects().size(), connecting.connects().toString());
      assertTrue(connecting.connects().get(0).contains("port=htons(" + server.getLocalPort()
          + ")"), connecting.connects().get(0));
    }
  }
}
