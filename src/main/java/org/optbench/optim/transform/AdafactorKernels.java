package org.optbench.optim.transform;

/**
 * The update loops both Adafactor variants share. The factored ones work on one chunk of one
 * row (at most {@link RowScratch#CHUNK} elements) copied into {@link RowScratch} (see there for
 * why). Each loop is a small static method with no branch inside, so that C2 vectorises it, and
 * the in-place ({@code apply}: writes p) and update-only (writes Δp into g) forms are separate
 * loops for the reason {@link FusedAdam} gives. Both forms compute Δp with the same expression,
 * so applying equals the update followed by {@code p += Δp}, bit for bit.
 */
final class AdafactorKernels {

  private AdafactorKernels() {}

  /**
   * One row chunk of the factored update U = g·rf·cf: without a first moment
   * {@code Δp = −(q·cf)·g − decay·p} with q = step·rf; with one ({@code m} not null)
   * {@code m ← b1·m + (q·cf)·g, Δp = −m − decay·p} with q = (1 − b1)·step·rf. Applies Δp to p,
   * or writes it into g. The chunk's column factors must be in {@code s.colFactors}
   * ({@link RowScratch#loadColumnFactors}).
   */
  static void factoredUpdate(float[] p, float[] g, float[] m, int off, int len, float q,
      float b1, float decay, boolean apply, RowScratch s) {
    System.arraycopy(p, off, s.p, 0, len);
    System.arraycopy(g, off, s.g, 0, len);
    float[] f = s.colFactors;
    if (m == null && decay == 0) {
      // Without weight decay (the default): transformers and torch skip the decay term too.
      if (apply) {
        applyFactored(s.p, s.g, f, len, q);
      } else {
        updateFactored(s.g, f, len, q);
      }
    } else if (m == null) {
      if (apply) {
        applyFactored(s.p, s.g, f, len, q, decay);
      } else {
        updateFactored(s.p, s.g, f, len, q, decay);
      }
    } else {
      System.arraycopy(m, off, s.m, 0, len);
      if (apply) {
        applyFactoredMomentum(s.p, s.g, s.m, f, len, q, b1, decay);
      } else {
        updateFactoredMomentum(s.p, s.g, s.m, f, len, q, b1, decay);
      }
      System.arraycopy(s.m, 0, m, off, len);
    }
    if (apply) {
      System.arraycopy(s.p, 0, p, off, len);
    } else {
      System.arraycopy(s.g, 0, g, off, len);
    }
  }

  /**
   * The update with U already in {@code u} over {@code [off, off + len)}: as
   * {@link #factoredUpdate} with cf = rf = 1, q = step, or (1 − b1)·step with a first moment.
   */
  static void directUpdate(float[] p, float[] u, float[] m, int off, int len, float q, float b1,
      float decay, boolean apply) {
    if (m == null && apply) {
      applyDirect(p, u, off, len, q, decay);
    } else if (m == null) {
      updateDirect(p, u, off, len, q, decay);
    } else if (apply) {
      applyDirectMomentum(p, u, m, off, len, q, b1, decay);
    } else {
      updateDirectMomentum(p, u, m, off, len, q, b1, decay);
    }
  }

  private static void applyFactored(float[] p, float[] g, float[] cf, int len, float q) {
    for (int c = 0; c < len; c++) {
      p[c] = p[c] - q * cf[c] * g[c];
    }
  }

  private static void updateFactored(float[] g, float[] cf, int len, float q) {
    for (int c = 0; c < len; c++) {
      g[c] = -(q * cf[c]) * g[c];
    }
  }

  private static void applyFactored(float[] p, float[] g, float[] cf, int len, float q,
      float decay) {
    for (int c = 0; c < len; c++) {
      float pc = p[c];
      p[c] = pc + (-(q * cf[c]) * g[c] - decay * pc);
    }
  }

  private static void updateFactored(float[] p, float[] g, float[] cf, int len, float q,
      float decay) {
    for (int c = 0; c < len; c++) {
      g[c] = -(q * cf[c]) * g[c] - decay * p[c];
    }
  }

  private static void applyFactoredMomentum(float[] p, float[] g, float[] m, float[] cf, int len,
      float q, float b1, float decay) {
    for (int c = 0; c < len; c++) {
      float pc = p[c];
      float mc = b1 * m[c] + (q * cf[c]) * g[c];
      m[c] = mc;
      p[c] = pc + (-mc - decay * pc);
    }
  }

  private static void updateFactoredMomentum(float[] p, float[] g, float[] m, float[] cf,
      int len, float q, float b1, float decay) {
    for (int c = 0; c < len; c++) {
      float mc = b1 * m[c] + (q * cf[c]) * g[c];
      m[c] = mc;
      g[c] = -mc - decay * p[c];
    }
  }

  private static void applyDirect(float[] p, float[] u, int off, int len, float step,
      float decay) {
    for (int c = off; c < off + len; c++) {
      float pc = p[c];
      p[c] = pc + (-step * u[c] - decay * pc);
    }
  }

  private static void updateDirect(float[] p, float[] u, int off, int len, float step,
      float decay) {
    for (int c = off; c < off + len; c++) {
      u[c] = -step * u[c] - decay * p[c];
    }
  }

  private static void applyDirectMomentum(float[] p, float[] u, float[] m, int off, int len,
      float q, float b1, float decay) {
    for (int c = off; c < off + len; c++) {
      float pc = p[c];
      float mc = b1 * m[c] + q * u[c];
      m[c] = mc;
      p[c] = pc + (-mc - decay * pc);
    }
  }

  private static void updateDirectMomentum(float[] p, float[] u, float[] m, int off, int len,
      float q, float b1, float decay) {
    for (int c = off; c < off + len; c++) {
      float mc = b1 * m[c] + q * u[c];
      m[c] = mc;
      u[c] = -mc - decay * p[c];
    }
  }
}
