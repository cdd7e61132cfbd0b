package org.optbench.workload;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A closed-form objective whose only parameter is the point x itself: optimizers are compared on
 * functions whose minimum and gradient are known exactly. Each step sees f_t(x) = f(x; a_t), where
 * the coefficient a_t is 1 except for the online problem. After every step the iterate is
 * projected onto [lower, upper] per coordinate when bounds are given (projected online gradient
 * descent, Zinkevich 2003, as in Reddi et al. 2018).
 *
 * @param kind which function
 * @param dim number of coordinates
 * @param condition ratio of the largest to the smallest curvature (quadratic only)
 * @param big the coefficient C of the rare online step (online only)
 * @param rest the coefficient of the other online steps (online only)
 * @param period one step in {@code period} is the rare one (online only)
 * @param stochastic whether the rare step comes with probability 1/period instead of every
 *     {@code period} steps (online only)
 * @param lower lower bound of every coordinate, or {@code null} for none
 * @param upper upper bound of every coordinate, or {@code null} for none
 * @param x0 start value of every coordinate (Rosenbrock: of the even ones)
 * @param y0 start value of the odd coordinates (Rosenbrock only)
 */
public record AnalyticObjective(
    Kind kind,
    int dim,
    double condition,
    double big,
    double rest,
    int period,
    boolean stochastic,
    Double lower,
    Double upper,
    double x0,
    double y0)
    implements ModelSpec {

  /** The functions. */
  public enum Kind {
    /**
     * f(x) = ½ Σ λᵢ xᵢ² with λᵢ = κ^{i/(d−1)} spread geometrically over [1, κ]: the condition
     * number κ sets how hard the valley is for gradient descent (Nocedal &amp; Wright 2006, §3.3).
     */
    QUADRATIC,
    /**
     * f(x) = Σ_{i&lt;d−1} 100 (xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)², scipy.optimize.rosen's chained form
     * (Rosenbrock 1960); minimum 0 at (1, …, 1); classic start (−1.2, 1).
     */
    ROSENBROCK,
    /** f(x) = Σ xᵢ⁴: flat near its minimum at 0, where the gradient 4x³ vanishes fast. */
    QUARTIC,
    /**
     * f_t(x) = a_t Σ xᵢ with a_t = C on one step in {@code period} and {@code rest} otherwise
     * (Reddi, Kale &amp; Kumar 2018, §3 with C, −1, period 3; Fig. 1 with 1010, −10, period 101).
     * When C + (period − 1)·rest > 0 the best fixed point on [−1, 1] is −1, while Adam drifts to
     * +1.
     */
    ONLINE_LINEAR
  }

  /** The coefficient a_t of 1-based step {@code step} under {@code seed}. */
  public double coefficient(int step, long seed) {
    if (kind != Kind.ONLINE_LINEAR) {
      return 1.0;
    }
    boolean rare;
    if (stochastic) {
      // One draw per step from a stream keyed by (seed, step): the sequence is the same for
      // every optimizer and engine of a seed.
      rare = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step).nextDouble() < 1.0 / period;
    } else {
      rare = step % period == 1 % period;
    }
    return rare ? big : rest;
  }

  /** f_t(x) with coefficient {@code a}. */
  public double value(double[] x, double a) {
    double sum = 0;
    switch (kind) {
      case QUADRATIC -> {
        for (int i = 0; i < dim; i++) {
          sum += 0.5 * curvature(i) * x[i] * x[i];
        }
      }
      case ROSENBROCK -> {
        for (int i = 0; i + 1 < dim; i++) {
          double valley = x[i + 1] - x[i] * x[i];
          sum += 100 * valley * valley + (1 - x[i]) * (1 - x[i]);
        }
      }
      case QUARTIC -> {
        for (double xi : x) {
          sum += xi * xi * xi * xi;
        }
      }
      case ONLINE_LINEAR -> {
        for (double xi : x) {
          sum += a * xi;
        }
      }
    }
    return sum;
  }

  /** ∇f_t(x) in closed form, with coefficient {@code a}. */
  public double[] gradient(double[] x, double a) {
    double[] g = new double[dim];
    for (int i = 0; i < dim; i++) {
      g[i] = switch (kind) {
        case QUADRATIC -> curvature(i) * x[i];
        case QUARTIC -> 4 * x[i] * x[i] * x[i];
        case ONLINE_LINEAR -> a;
        case ROSENBROCK -> {
          double d = 0;
          if (i + 1 < dim) {
            d += -400 * x[i] * (x[i + 1] - x[i] * x[i]) - 2 * (1 - x[i]);
          }
          if (i > 0) {
            d += 200 * (x[i] - x[i - 1] * x[i - 1]);
          }
          yield d;
        }
      };
    }
    return g;
  }

  /**
   * The objective evaluation reports: f itself, or for the online problem the average
   * F(x) = ā Σ xᵢ with ā = (C + (period − 1)·rest) / period, whose minimiser is the point regret
   * is measured against.
   */
  public double evalValue(double[] x) {
    double a = kind == Kind.ONLINE_LINEAR ? (big + (period - 1) * rest) / period : 1.0;
    return value(x, a);
  }

  /** λᵢ of the quadratic. */
  public double curvature(int i) {
    return dim == 1 ? 1.0 : Math.pow(condition, (double) i / (dim - 1));
  }

  @Override
  public List<TensorShape> parameterShapes() {
    return List.of(new TensorShape("x", new int[] {dim}));
  }

  /** The start point, the same for every seed. */
  @Override
  public List<float[]> initialValues(long seed) {
    float[] start = new float[dim];
    for (int i = 0; i < dim; i++) {
      start[i] = (float) (kind == Kind.ROSENBROCK && i % 2 == 1 ? y0 : x0);
    }
    return List.of(start);
  }

  /** One input: the step's coefficient a_t. */
  @Override
  public int[] inputShape() {
    return new int[] {1};
  }
}
