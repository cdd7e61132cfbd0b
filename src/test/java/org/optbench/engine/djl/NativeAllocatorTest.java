package org.optbench.engine.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The allocator settings take effect: a 784×256 float tensor (784 KiB, 196 pages of 4 KiB)
 * allocated and freed over and over on a thread that is not the main thread must reuse its
 * memory instead of faulting its pages in again each time. With glibc's defaults the chunk is
 * mmapped (above the initial 128 KiB mmap threshold) or trimmed off the arena's top once freed
 * often enough that this loop averaged 11 faults per allocation (run with {@code
 * -Doptbench.malloc=default}); with the settings it faults none once warm.
 */
class NativeAllocatorTest {

  @Test
  void theSettingsAreAppliedOnGlibcLinux() {
    // The CI machines run glibc Linux without GLIBC_TUNABLES; elsewhere the reason is returned.
    if (System.getenv("GLIBC_TUNABLES") == null
        && System.getProperty("os.name").toLowerCase().contains("linux")) {
      assertEquals("mmap_threshold=32MiB, trim_threshold=256MiB", NativeAllocator.apply());
    }
  }

  @Test
  void aWeightSizedTensorAllocatedAgainAndAgainFaultsNoPages() throws Exception {
    NativeAllocator.apply();
    AtomicLong faultsPerIteration = new AtomicLong(-1);
    Thread training = new Thread(() -> {
      ThreadGradMode.off();
      try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
        for (int i = 0; i < 20; i++) {
          allocateAndFree(manager);
        }
        long before = threadMinorFaults();
        int iterations = 200;
        for (int i = 0; i < iterations; i++) {
          allocateAndFree(manager);
        }
        faultsPerIteration.set((threadMinorFaults() - before) / iterations);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, "allocator-probe");
    training.start();
    training.join();
    assertTrue(faultsPerIteration.get() >= 0, "the probe thread failed");
    assertTrue(faultsPerIteration.get() < 5,
        "minor faults per 784x256 allocation: " + faultsPerIteration.get() + " (196 pages each)");
  }

  private static void allocateAndFree(NDManager manager) {
    try (NDArray a = manager.ones(new Shape(784, 256))) {
      // ones() writes every element, so every page of the tensor is touched
      a.getShape();
    }
  }

  /** Field 10 of /proc/thread-self/stat: the calling thread's minor faults (proc(5)). */
  private static long threadMinorFaults() throws Exception {
    String stat = Files.readString(Path.of("/proc/thread-self/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[7]);
  }
}
