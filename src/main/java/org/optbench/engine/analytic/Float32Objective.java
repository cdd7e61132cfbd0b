package org.optbench.engine.analytic;

import org.optbench.workload.AnalyticObjective;

/**
 * An {@link AnalyticObjective}'s value and gradient in float32, computed in the order and with the
 * roundings of the autograd graph that {@code engine.djl.AnalyticBlock} records, so that a Java
 * run follows the DJL run's trajectory to the last bit wherever libtorch's kernels round
 * correctly.
 *
 * <p>Backward formulas are PyTorch's (tools/autograd/derivatives.yaml): {@code square} is {@code
 * pow(x, 2)} with gradient {@code grad · (2·x)}; {@code mul} passes {@code grad · other}; {@code
 * sub} and {@code neg} negate; {@code sum} broadcasts; a tensor used twice receives the sum of
 * both contributions. Every product below is written as that chain, e.g. the quartic's
 * {@code (2·x²)·(2·x)} rather than {@code 4·x³}, because float rounding depends on the order.
 *
 * <p>Where the two can differ in the last bits: sums of more than three terms (libtorch reduces
 * with vector lanes whose width depends on the CPU; this sums in index order) and the quadratic's
 * curvatures, which libtorch computes with its vectorised {@code exp} (within 1 ulp) and this with
 * {@link Math#exp} rounded to float.
 */
public final class Float32Objective {

  private final AnalyticObjective objective;
  /** λᵢ as the DJL block computes them, in float32; {@code null} unless quadratic. */
  private final float[] curvature;

  public Float32Objective(AnalyticObjective objective) {
    this.objective = objective;
    this.curvature = objective.kind() == AnalyticObjective.Kind.QUADRATIC
        ? curvatures(objective.dim(), objective.condition())
        : null;
  }

  /**
   * λᵢ = exp(i · ln κ / (d − 1)) in float32, as the block's {@code arange(0, d)·s} then {@code
   * exp}: the scale s is rounded to float before the product, the product before {@code exp}.
   */
  static float[] curvatures(int dim, double condition) {
    float[] lambda = new float[dim];
    if (dim == 1) {
      lambda[0] = 1f;
      return lambda;
    }
    float scale = (float) (Math.log(condition) / (dim - 1));
    for (int i = 0; i < dim; i++) {
      lambda[i] = (float) Math.exp((float) i * scale);
    }
    return lambda;
  }

  /**
   * f_t(x) with coefficient {@code a}; writes ∇f_t(x) into {@code grad}.
   *
   * @param x the point, {@code dim} floats
   * @param a the step's coefficient a_t, as the float the DJL run feeds its block
   * @param grad receives the gradient, {@code dim} floats
   * @return the value, rounded to float as the block's output is
   */
  public float valueAndGradient(float[] x, float a, float[] grad) {
    return switch (objective.kind()) {
      case QUADRATIC -> quadratic(x, grad);
      case ROSENBROCK -> rosenbrock(x, grad);
      case QUARTIC -> quartic(x, grad);
      case ONLINE_LINEAR -> online(x, a, grad);
    };
  }

  /** f = (Σ x²·λ)·½; ∂f/∂xᵢ = (½·λᵢ)·(2·xᵢ). */
  private float quadratic(float[] x, float[] grad) {
    float sum = 0f;
    for (int i = 0; i < x.length; i++) {
      float xi = x[i];
      sum += (xi * xi) * curvature[i];
      grad[i] = (0.5f * curvature[i]) * (2f * xi);
    }
    return sum * 0.5f;
  }

  /**
   * f = Σ 100·vᵢ² + wᵢ² with vᵢ = xᵢ₊₁ − xᵢ², wᵢ = −xᵢ + 1. The head xᵢ receives (−100·(2vᵢ))·(2xᵢ)
   * from the valley plus −(2wᵢ) from (1 − xᵢ)²; the tail xᵢ₊₁ receives 100·(2vᵢ); the point adds
   * its head and tail parts.
   */
  private static float rosenbrock(float[] x, float[] grad) {
    float sum = 0f;
    int last = x.length - 1;
    float fromTail = 0f;
    for (int i = 0; i < last; i++) {
      float head = x[i];
      float valley = x[i + 1] - head * head;
      float w = -head + 1f;
      sum += (valley * valley) * 100f + w * w;
      float dValley = 100f * (2f * valley);
      float dHead = (-dValley) * (2f * head) + (-(2f * w));
      grad[i] = i == 0 ? dHead : dHead + fromTail;
      fromTail = dValley;
    }
    grad[last] = fromTail;
    return sum;
  }

  /** f = Σ (x²)²; ∂f/∂xᵢ = (2·xᵢ²)·(2·xᵢ). */
  private static float quartic(float[] x, float[] grad) {
    float sum = 0f;
    for (int i = 0; i < x.length; i++) {
      float square = x[i] * x[i];
      sum += square * square;
      grad[i] = (2f * square) * (2f * x[i]);
    }
    return sum;
  }

  /** f = (Σ x)·a; ∂f/∂xᵢ = a. */
  private static float online(float[] x, float a, float[] grad) {
    float sum = 0f;
    for (int i = 0; i < x.length; i++) {
      sum += x[i];
      grad[i] = a;
    }
    return sum * a;
  }
}
