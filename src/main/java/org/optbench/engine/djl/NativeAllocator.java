package org.optbench.engine.djl;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.util.Locale;

/**
 * Keeps the memory libtorch frees inside glibc's malloc instead of returning it to the kernel, so
 * that the same tensors allocated again next step do not fault their pages in again.
 *
 * <p>Why: every NDArray op that returns a new tensor allocates through libtorch's CPU allocator,
 * i.e. glibc {@code malloc}. The training thread is not the process's main thread, so it allocates
 * from a non-main arena, which glibc trims ({@code madvise(MADV_DONTNEED)}) when its free top
 * exceeds {@code M_TRIM_THRESHOLD}, and requests above the dynamic {@code M_MMAP_THRESHOLD} are
 * {@code mmap}ed and {@code munmap}ed on free (glibc manual, "Memory Allocation Tunables";
 * mallopt(3)). Either way the next step's allocation of the same size faults every page in again
 * (about 200 faults per 784×256 float array), and how often that happens depends on what else
 * lies in the arena: the first cell of a JVM paid hundreds of faults per step. Setting both
 * thresholds (which also turns off glibc's dynamic mmap threshold) makes steady-state steps reuse
 * the arena's memory, as a plain PyTorch loop on Python's main thread does; a large top pad keeps
 * glibc from deleting an emptied heap, which it does whatever the trim threshold
 * ({@link #TOP_PAD_BYTES}).
 *
 * <p>Cost: up to {@link #TRIM_THRESHOLD_BYTES} of freed memory may stay mapped per arena, and
 * arrays below {@link #MMAP_THRESHOLD_BYTES} come from the arenas. Nothing changes numerically.
 *
 * <p>Applied once per process, before or after libtorch loads (mallopt changes glibc's global
 * parameters at any time). Left alone when {@code GLIBC_TUNABLES} already sets a malloc tunable
 * (the user's choice wins), when {@code -Doptbench.malloc=default} is given, or where the C
 * library is not glibc (macOS, musl).
 */
public final class NativeAllocator {

  /** glibc's mallopt parameter numbers (malloc.h). */
  private static final int M_TRIM_THRESHOLD = -1;

  private static final int M_TOP_PAD = -2;

  private static final int M_MMAP_THRESHOLD = -3;

  /**
   * Allocations below this come from the arenas; 32 MiB is the largest value glibc accepts on
   * 64-bit systems (half of its 64 MiB heap size).
   */
  static final long MMAP_THRESHOLD_BYTES = 32L << 20;

  /** Free memory at an arena's top is returned to the kernel only beyond this. */
  static final long TRIM_THRESHOLD_BYTES = 256L << 20;

  /**
   * Padding kept when an arena shrinks: as large as a whole thread-arena heap (64 MiB), so that
   * glibc never deletes a heap that has become empty. That deletion ignores the trim threshold
   * (malloc/arena.c, heap_trim), and a working set that straddles two heaps then unmaps and
   * faults in the second one at every step (196 faults per step for the MLP's 784×256 weight
   * gradient, measured on the native engine). The padding is address space, not memory: pages
   * count once touched.
   */
  static final long TOP_PAD_BYTES = 64L << 20;

  /** What {@link #apply} reports when all three settings took. */
  static final String APPLIED = "mmap_threshold=32MiB, trim_threshold=256MiB, top_pad=64MiB";

  /** The property that turns the settings off ({@code default}). */
  public static final String PROPERTY = "optbench.malloc";

  private static String outcome;

  private NativeAllocator() {}

  /**
   * Applies the settings once and says what happened: {@link #APPLIED}, or why nothing was
   * changed.
   */
  public static synchronized String apply() {
    if (outcome == null) {
      outcome = configure(System.getProperty(PROPERTY, "keep"), System.getenv("GLIBC_TUNABLES"),
          System.getProperty("os.name", ""));
    }
    return outcome;
  }

  /** What to do for these settings; calls mallopt only on glibc Linux when nothing overrides. */
  static String configure(String property, String tunables, String os) {
    if (property.toLowerCase(Locale.ROOT).equals("default")) {
      return "glibc defaults (-D" + PROPERTY + "=default)";
    }
    if (tunables != null && tunables.contains("glibc.malloc.")) {
      return "glibc defaults with GLIBC_TUNABLES=" + tunables;
    }
    if (!os.toLowerCase(Locale.ROOT).contains("linux")) {
      return "system allocator (not Linux)";
    }
    try {
      NativeLibrary libc = NativeLibrary.getInstance("c");
      // Only glibc defines gnu_get_libc_version; musl's mallopt is a no-op.
      libc.getFunction("gnu_get_libc_version");
      Function mallopt = libc.getFunction("mallopt");
      boolean mmap = mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, (int) MMAP_THRESHOLD_BYTES})
          == 1;
      boolean trim = mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, (int) TRIM_THRESHOLD_BYTES})
          == 1;
      boolean pad = mallopt.invokeInt(new Object[] {M_TOP_PAD, (int) TOP_PAD_BYTES}) == 1;
      if (mmap && trim && pad) {
        return APPLIED;
      }
      return "glibc refused mallopt (mmap " + mmap + ", trim " + trim + ", top pad " + pad + ")";
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      return "system allocator (no glibc mallopt: " + e.getMessage() + ")";
    }
  }
}
