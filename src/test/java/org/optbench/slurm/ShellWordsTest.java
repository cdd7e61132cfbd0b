package org.optbench.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quoted words go through bash unchanged, except that the task id placeholder expands. */
class ShellWordsTest {

  @Test
  void bashGivesBackEveryWordAndExpandsOnlyTheTaskId() throws Exception {
    List<String> words = List.of("plain/path-1.yaml", "with space", "it's", "$HOME", "`date`",
        "a\"b", "back\\slash", "bang!", "/out/shard-" + ShellWords.TASK_ID,
        "it's shard " + ShellWords.TASK_ID + " of $N", ShellWords.TASK_ID + "/4");
    String script = "printf '%s\\n' " + ShellWords.join(words);
    List<String> expected = new ArrayList<>(words.subList(0, 8));
    expected.addAll(List.of("/out/shard-7", "it's shard 7 of $N", "7/4"));
    // SLURM_ARRAY_TASK_ID is set the way Slurm sets it in an array task.
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
    builder.environment().put("SLURM_ARRAY_TASK_ID", "7");
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), out);
    assertEquals(expected, out.lines().toList());
  }

  @Test
  void safeWordsStayBareSoThatScriptsReadWell() {
    assertEquals("--shard", ShellWords.quote("--shard"));
    assertEquals("/a/b.yaml", ShellWords.quote("/a/b.yaml"));
    assertEquals("\"/out/shard-${SLURM_ARRAY_TASK_ID}\"",
        ShellWords.quote("/out/shard-" + ShellWords.TASK_ID));
  }
}
