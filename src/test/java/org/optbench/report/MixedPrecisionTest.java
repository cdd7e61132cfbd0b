package org.optbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** fp32 and mixed-precision bytes worked out by hand for n = 1,000 parameters. */
class MixedPrecisionTest {

  @Test
  void adamNeedsTheSameBytesEitherWay() {
    // fp32: 4n + 4n + 8n (m, v) = 16,000 B; mixed: 2n + 2n + 4n (master) + 8n = 16,000 B.
    MixedPrecision adam = new MixedPrecision(1000, 8000);
    assertEquals(16_000, adam.fp32Bytes());
    assertEquals(16_000, adam.mixedBytes());
  }

  @Test
  void soDoSgdWithAndWithoutMomentum() {
    // Without state: 8,000 B both; with a momentum buffer (4n): 12,000 B both.
    assertEquals(8_000, new MixedPrecision(1000, 0).fp32Bytes());
    assertEquals(8_000, new MixedPrecision(1000, 0).mixedBytes());
    assertEquals(12_000, new MixedPrecision(1000, 4000).fp32Bytes());
    assertEquals(12_000, new MixedPrecision(1000, 4000).mixedBytes());
  }
}
