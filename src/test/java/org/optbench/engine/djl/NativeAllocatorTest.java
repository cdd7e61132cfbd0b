package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * When optbench sets glibc's malloc thresholds and when it leaves the allocator alone. What the
 * settings do to a training step (page faults, the first cell's pace) is a benchmark, not a test:
 * {@code tools/bench/djl_vs_torch.py} with and without {@code -Doptbench.malloc=default}.
 */
class NativeAllocatorTest {

  private static final String APPLIED =
      "mmap_threshold=32MiB, trim_threshold=256MiB, top_pad=64MiB";

  @Test
  void glibcLinuxGetsBothThresholds() {
    // The CI machines run glibc Linux; the call goes through JNA to mallopt, which returns 1.
    if (System.getProperty("os.name").toLowerCase().contains("linux")) {
      assertEquals(APPLIED, NativeAllocator.configure("keep", null, "Linux"));
      assertEquals(APPLIED, NativeAllocator.configure("keep", "glibc.rtld.nns=2", "Linux"));
    }
  }

  @Test
  void theUsersChoiceWins() {
    assertEquals("glibc defaults (-Doptbench.malloc=default)",
        NativeAllocator.configure("default", null, "Linux"));
    assertEquals("glibc defaults with GLIBC_TUNABLES=glibc.malloc.arena_max=2",
        NativeAllocator.configure("keep", "glibc.malloc.arena_max=2", "Linux"));
  }

  @Test
  void otherSystemsKeepTheirAllocator() {
    assertEquals("system allocator (not Linux)", NativeAllocator.configure("keep", null, "Mac OS X"));
  }
}
