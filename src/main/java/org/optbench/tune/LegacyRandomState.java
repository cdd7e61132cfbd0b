package org.optbench.tune;

/**
 * The parts of numpy's legacy {@code numpy.random.RandomState} that the scrambled Halton sequence
 * draws from, reproduced bit for bit so that the same seed gives the same points as AlgoPerf.
 *
 * <p>The generator is MT19937 (Matsumoto &amp; Nishimura 1998), seeded from one 32-bit integer
 * with the reference {@code init_genrand}, which is what {@code RandomState(int)} does. Shuffles
 * are Fisher–Yates from the last index down, the swap partner of index i drawn uniformly from
 * [0, i] by masked rejection: 32-bit outputs ANDed with the smallest all-ones mask covering i,
 * redrawn while above i. Doubles take 27 + 26 bits of two consecutive outputs. Those are numpy's
 * legacy algorithms, which numpy keeps stable for reproducibility.
 */
final class LegacyRandomState {

  private static final int N = 624;
  private static final int M = 397;
  private static final int MATRIX_A = 0x9908b0df;
  private static final int UPPER_MASK = 0x80000000;
  private static final int LOWER_MASK = 0x7fffffff;

  /** numpy accepts integer seeds in [0, 2^32 − 1]. */
  static final long MAX_SEED = 0xffffffffL;

  private final int[] state = new int[N];
  private int pos;

  LegacyRandomState(long seed) {
    if (seed < 0 || seed > MAX_SEED) {
      throw new IllegalArgumentException(
          "seed must be between 0 and " + MAX_SEED + " (got " + seed + ")");
    }
    state[0] = (int) seed;
    for (int i = 1; i < N; i++) {
      // int arithmetic wraps modulo 2^32, as the reference's 32-bit unsigned arithmetic does.
      state[i] = 1812433253 * (state[i - 1] ^ (state[i - 1] >>> 30)) + i;
    }
    pos = N;
  }

  /** The next 32-bit output, as an unsigned value. */
  long nextUint32() {
    if (pos == N) {
      regenerate();
    }
    int y = state[pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return Integer.toUnsignedLong(y);
  }

  /** A double in [0, 1) with 53 random bits ({@code random_sample()}). */
  double nextDouble() {
    long a = nextUint32() >>> 5;
    long b = nextUint32() >>> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

  /** A uniform integer in [0, max], for 0 ≤ max &lt; 2^32. */
  long nextInterval(long max) {
    if (max == 0) {
      return 0;
    }
    long mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    long value;
    do {
      value = nextUint32() & mask;
    } while (value > max);
    return value;
  }

  /** Shuffles {@code values} in place, as {@code RandomState.shuffle} shuffles a list. */
  void shuffle(int[] values) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = (int) nextInterval(i);
      int t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }

  /** Shuffles the rows of {@code rows} in place, with the same draws as {@link #shuffle(int[])}. */
  <T> void shuffle(T[] rows) {
    for (int i = rows.length - 1; i > 0; i--) {
      int j = (int) nextInterval(i);
      T t = rows[i];
      rows[i] = rows[j];
      rows[j] = t;
    }
  }

  private void regenerate() {
    int i = 0;
    for (; i < N - M; i++) {
      int y = (state[i] & UPPER_MASK) | (state[i + 1] & LOWER_MASK);
      state[i] = state[i + M] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
    }
    for (; i < N - 1; i++) {
      int y = (state[i] & UPPER_MASK) | (state[i + 1] & LOWER_MASK);
      state[i] = state[i + (M - N)] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
    }
    int y = (state[N - 1] & UPPER_MASK) | (state[0] & LOWER_MASK);
    state[N - 1] = state[M - 1] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
    pos = 0;
  }
}
