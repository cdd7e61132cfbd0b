package org.optbench.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The forms of {@code sbatch --time} listed in sbatch(1), converted by hand, seconds rounded up to
 * the next minute as sbatch(1) says Slurm does (a job submitted with 1:30 shows TimeLimit=00:02:00
 * in scontrol show job).
 */
class TimeLimitTest {

  @Test
  void everyFormOfSbatchTimeInSeconds() {
    assertEquals(OptionalLong.of(90 * 60), TimeLimit.seconds("90"), "minutes");
    assertEquals(OptionalLong.of(120), TimeLimit.seconds("1:30"), "minutes:seconds");
    assertEquals(OptionalLong.of(60), TimeLimit.seconds("0:01"), "one second is a minute");
    assertEquals(OptionalLong.of(2 * 3600 + 5 * 60), TimeLimit.seconds("2:05:00"),
        "hours:minutes:seconds");
    assertEquals(OptionalLong.of(2 * 3600 + 6 * 60), TimeLimit.seconds("2:05:07"),
        "hours:minutes:seconds, rounded up");
    assertEquals(OptionalLong.of(86_400 + 2 * 3600), TimeLimit.seconds("1-2"), "days-hours");
    assertEquals(OptionalLong.of(86_400 + 2 * 3600 + 3 * 60), TimeLimit.seconds("1-2:03"),
        "days-hours:minutes");
    assertEquals(OptionalLong.of(86_400 + 2 * 3600 + 4 * 60), TimeLimit.seconds("1-2:03:04"),
        "days-hours:minutes:seconds, rounded up");
  }

  @Test
  void zeroAndInfiniteMeanNoLimit() {
    assertTrue(TimeLimit.seconds("0").isEmpty());
    assertTrue(TimeLimit.seconds("INFINITE").isEmpty());
    assertTrue(TimeLimit.seconds("unlimited").isEmpty());
  }

  @Test
  void otherTextIsRefusedNamingTheForms() {
    for (String bad : new String[] {"2h", "", "1:2:3:4", "-5", "1-"}) {
      var e = assertThrows(IllegalArgumentException.class, () -> TimeLimit.seconds(bad), bad);
      assertTrue(e.getMessage().contains("D-HH:MM:SS"), e.getMessage());
    }
  }
}
