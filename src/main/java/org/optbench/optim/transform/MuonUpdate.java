package org.optbench.optim.transform;

import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;
import org.optbench.optim.TreeMath;

/**
 * Muon (Jordan et al. 2024, "Muon: an optimizer for hidden layers"; torch.optim.Muon 2.9+) for
 * 2-D parameters, as torch's single-tensor implementation computes it:
 *
 * <pre>
 *   B ← lerp(B, G, 1 − μ)                      (an average of the gradients)
 *   U ← nesterov ? lerp(G, B, μ) : B
 *   O ← NewtonSchulz(U)                        (see {@link NewtonSchulz}; float64 here)
 *   p ← p·(1 − lr·λ) − lr·s·O
 *   s = √max(1, A/B) (Jordan, "original") or 0.2·√max(A, B) (Moonshot, "match_rms_adamw")
 * </pre>
 *
 * for a parameter of shape (A, B). Tensors of other ranks are not Muon's: an entry routes them to
 * another optimizer ({@code ParamScope}), and this transform refuses them.
 */
public final class MuonUpdate implements GradientTransform {

  /** How the learning rate is scaled to the matrix's shape. */
  public enum LrAdjustment {
    /** √max(1, A/B): Jordan's reference, torch's default ("original"). */
    ORIGINAL,
    /** 0.2·√max(A, B): Moonshot's, matching AdamW's update RMS ("match_rms_adamw"). */
    MATCH_RMS_ADAMW;

    /** The adjustment torch's {@code adjust_lr_fn} names. */
    public static LrAdjustment named(String name) {
      return switch (name) {
        case "original" -> ORIGINAL;
        case "match_rms_adamw" -> MATCH_RMS_ADAMW;
        default -> throw new IllegalArgumentException("adjust_lr_fn is original or"
            + " match_rms_adamw, got " + name);
      };
    }

    /** The factor lr is multiplied by for a rows × cols matrix. */
    public double factor(int rows, int cols) {
      return this == ORIGINAL
          ? Math.sqrt(Math.max(1.0, (double) rows / cols))
          : 0.2 * Math.sqrt(Math.max(rows, cols));
    }
  }

  /**
   * Muon's settings.
   *
   * @param momentum μ
   * @param nesterov step with lerp(G, B, μ) instead of B
   * @param weightDecay λ, decoupled (multiplies lr)
   * @param a first Newton–Schulz coefficient (3.4445)
   * @param b second (−4.7750)
   * @param c third (2.0315)
   * @param nsSteps iterations
   * @param eps floor of the Frobenius norm
   * @param adjustment the shape scaling of lr
   */
  public record Settings(double momentum, boolean nesterov, double weightDecay, double a,
      double b, double c, int nsSteps, double eps, LrAdjustment adjustment) {}

  private final Settings s;

  private MuonUpdate(Settings settings) {
    this.s = settings;
  }

  public static GradientTransform muon(Settings settings) {
    return new MuonUpdate(settings);
  }

  @Override
  public TransformState init(ParamTree params) {
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).rank() != 2) {
        throw new IllegalArgumentException("muon updates 2-D matrices only; "
            + params.get(i).name() + " has rank " + params.get(i).rank());
      }
    }
    return new MuonState(ArrayState.zeros(params, 1, 0f), params);
  }

  /** The momentum buffers, plus scratch (not state: torch keeps only the momentum) per tensor. */
  private static final class MuonState extends ArrayState {
    final float[][] direction;
    final NewtonSchulz.Workspace[] workspaces;

    MuonState(float[][][] buffers, ParamTree params) {
      super(buffers);
      direction = new float[params.size()][];
      workspaces = new NewtonSchulz.Workspace[params.size()];
      for (int i = 0; i < params.size(); i++) {
        direction[i] = new float[params.get(i).size()];
        workspaces[i] = new NewtonSchulz.Workspace(params.get(i).dim(0), params.get(i).dim(1));
      }
    }
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params,
      StepContext c) {
    MuonState st = (MuonState) state;
    st.count++;
    // torch multiplies by the Python float 1 − lr·λ and adds the float64 O (here) in float64.
    float keep = (float) (1 - c.lr() * s.weightDecay());
    float mu = (float) s.momentum();
    // 1 − μ in double, then float, as torch passes the Python float to lerp.
    float w = (float) (1 - s.momentum());
    for (int i = 0; i < updates.size(); i++) {
      float[] g = updates.data(i);
      float[] buf = st.buffers[0][i];
      float[] p = params.data(i);
      int rows = params.get(i).dim(0);
      int cols = params.get(i).dim(1);
      float[] u = st.direction[i];
      for (int j = 0; j < g.length; j++) {
        buf[j] = TreeMath.lerp(buf[j], g[j], w);
        u[j] = s.nesterov() ? TreeMath.lerp(g[j], buf[j], mu) : buf[j];
      }
      double[] o = NewtonSchulz.orthogonalize(u, st.workspaces[i], s.a(), s.b(), s.c(),
          s.nsSteps(), s.eps());
      double adjusted = c.lr() * s.adjustment().factor(rows, cols);
      for (int j = 0; j < g.length; j++) {
        float decayed = p[j] * keep;
        g[j] = (float) (decayed - adjusted * o[j]) - p[j];
      }
    }
    return updates;
  }
}
