package org.optbench.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sbatch's --parsable output (sbatch(1): "jobid[;cluster_name]") and finding the program. */
class SbatchTest {

  @TempDir Path dir;

  @Test
  void parsableOutputGivesTheJobId() {
    assertEquals(Optional.of("4711"), Sbatch.jobId("4711\n"));
    assertEquals(Optional.of("4711"), Sbatch.jobId("4711;cluster-a"));
    assertEquals(Optional.of("12"), Sbatch.jobId("sbatch: warning: no --mem given\n12\n"));
    assertTrue(Sbatch.jobId("Submitted batch job 12").isEmpty(), "not --parsable output");
    assertTrue(Sbatch.jobId("").isEmpty());
  }

  @Test
  void locatesAnExecutableOnPathOrByPathOnly() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path program = bin.resolve("sbatch");
    Files.writeString(program, "#!/bin/sh\n");
    assertTrue(Sbatch.locate("sbatch", bin.toString()).isEmpty(), "not executable yet");
    assertTrue(program.toFile().setExecutable(true));
    assertEquals(Optional.of(program), Sbatch.locate("sbatch", "/nonexistent:" + bin));
    assertEquals(Optional.of(program), Sbatch.locate(program.toString(), null));
    assertTrue(Sbatch.locate("sbatch", "/nonexistent").isEmpty());
    assertTrue(Sbatch.locate(bin.resolve("other").toString(), bin.toString()).isEmpty());
  }
}
