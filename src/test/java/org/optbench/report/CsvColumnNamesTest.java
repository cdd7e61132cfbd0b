package org.optbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The CSV column-name rule of {@link CsvColumnNames}, on headings the report shows. */
class CsvColumnNamesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "final loss (median) | final_loss_median",
      "final_loss_ci_low | final_loss_ci_low",
      "IQM progress_mean | iqm_progress_mean",
      "P(better than adam)_ci_high | p_better_than_adam_ci_high",
      "ρ(τ) | rho_tau",
      "τ | tau",
      "Adam's 8n | adams_8n",
      "final runs' median steps | final_runs_median_steps",
      "saved % | saved_pct",
      "mixed / fp32 | mixed_per_fp32",
      "fp32: params + grads + state | fp32_params_plus_grads_plus_state",
      "external-tuning time (steps) | external_tuning_time_steps",
      "x₁ | x1",
      "95% CI | col_95_pct_ci",
      "DJL / PyTorch | djl_per_pytorch",
  })
  void derivesSnakeCase(String heading, String name) {
    assertEquals(name, CsvColumnNames.snake(heading));
  }

  @Test
  void renamesDataFrameAttributesEmptyAndRepeatedNames() {
    assertEquals(List.of("axis", "grid_values", "grid_count"),
        CsvColumnNames.of("grid", List.of("axis", "values", "count")));
    assertEquals(List.of("benchmark_profile_mean", "column_2", "a_b", "a_b_2"),
        CsvColumnNames.of("benchmark-profile", List.of("mean", "–", "a b", "a-b")));
  }
}
