package org.optbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PoolSizeTest {

  @Test
  void eachWorkerNeedsAboutFiveSecondsOfWork() {
    assertEquals(1, PoolSize.repaid(0));
    assertEquals(1, PoolSize.repaid(8)); // the quickstart: slower with a second worker
    assertEquals(3, PoolSize.repaid(16)); // 16 tiny-GPT cells: faster with two
    assertEquals(24, PoolSize.repaid(122)); // repro_gpt3_recipe
  }
}
