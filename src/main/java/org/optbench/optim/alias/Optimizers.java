package org.optbench.optim.alias;

import static org.optbench.optim.Chain.chain;
import static org.optbench.optim.transform.AddDecayedWeights.addDecayedWeights;
import static org.optbench.optim.transform.ScaleByLearningRate.scaleByLearningRate;

import java.util.ArrayList;
import java.util.List;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.Tensor;
import org.optbench.optim.transform.FusedAdam;
import org.optbench.optim.transform.ScaleByAdafactor;
import org.optbench.optim.transform.ScaleByAdafactorTorch;
import org.optbench.optim.transform.SecondMomentDecay;
import org.optbench.optim.transform.ScaleByAdagrad;
import org.optbench.optim.transform.ScaleByAdam;
import org.optbench.optim.transform.ScaleByLion;
import org.optbench.optim.transform.ScaleByRms;
import org.optbench.optim.transform.ScaleByYogi;
import org.optbench.optim.transform.TraceMomentum;

/**
 * The optimizers as recipes (optax {@code alias.py}). Options add links only when switched on;
 * every recipe ends with {@code scaleByLearningRate}, which applies {@code −lr} because gradient
 * descent follows the negative gradient, unless the step size is the optimizer's own (Adafactor).
 */
public final class Optimizers {

  private Optimizers() {}

  /** torch.optim.SGD: L2 decay, optional (Nesterov) momentum with dampening. */
  public static Recipe sgd(double momentum, double dampening, boolean nesterov, double weightDecay) {
    List<GradientTransform> links = new ArrayList<>();
    if (weightDecay != 0) {
      links.add(addDecayedWeights(weightDecay));
    }
    if (momentum != 0) {
      links.add(TraceMomentum.traceMomentum(momentum, dampening, nesterov));
    }
    links.add(scaleByLearningRate());
    return new Recipe("sgd", chain(links),
        StateFormula.perParam(momentum != 0 ? 1 : 0, "momentum buffer"), "torch.optim.SGD");
  }

  /**
   * torch.optim.Adam ({@code decoupled = false}: L2 added to the gradient) or torch.optim.AdamW
   * ({@code decoupled = true}: p ← p·(1 − lr·λ)). {@code fused} picks the one-pass kernel; the
   * chained form computes the same numbers in four passes and is kept as its cross-check.
   */
  public static Recipe adam(double beta1, double beta2, double eps, double weightDecay,
      boolean decoupled, boolean amsgrad, boolean fused) {
    GradientTransform transform;
    if (fused) {
      transform = FusedAdam.fusedAdam(beta1, beta2, eps, weightDecay, decoupled, amsgrad);
    } else {
      List<GradientTransform> links = new ArrayList<>();
      if (weightDecay != 0 && !decoupled) {
        links.add(addDecayedWeights(weightDecay));
      }
      links.add(ScaleByAdam.scaleByAdam(beta1, beta2, eps, amsgrad));
      if (weightDecay != 0 && decoupled) {
        links.add(addDecayedWeights(weightDecay));
      }
      links.add(scaleByLearningRate());
      transform = chain(links);
    }
    String name = decoupled ? "adamw" : amsgrad ? "amsgrad" : "adam";
    StateFormula formula = amsgrad
        ? StateFormula.perParam(3, "m, v, v_max")
        : StateFormula.perParam(2, "m, v");
    return new Recipe(name, transform, formula,
        decoupled ? "torch.optim.AdamW" : "torch.optim.Adam" + (amsgrad ? "(amsgrad=True)" : ""));
  }

  /** torch.optim.Adagrad. */
  public static Recipe adagrad(double lrDecay, double eps, double initialAccumulator,
      double weightDecay) {
    List<GradientTransform> links = new ArrayList<>();
    if (weightDecay != 0) {
      links.add(addDecayedWeights(weightDecay));
    }
    links.add(ScaleByAdagrad.scaleByAdagrad(lrDecay, eps, initialAccumulator));
    links.add(scaleByLearningRate());
    return new Recipe("adagrad", chain(links), StateFormula.perParam(1, "sum of squares"),
        "torch.optim.Adagrad");
  }

  /** torch.optim.RMSprop. */
  public static Recipe rmsprop(double alpha, double eps, double momentum, boolean centered,
      double weightDecay) {
    List<GradientTransform> links = new ArrayList<>();
    if (weightDecay != 0) {
      links.add(addDecayedWeights(weightDecay));
    }
    links.add(ScaleByRms.scaleByRms(alpha, eps, centered, momentum));
    links.add(scaleByLearningRate());
    int buffers = 1 + (centered ? 1 : 0) + (momentum > 0 ? 1 : 0);
    String names = "square avg" + (centered ? ", grad avg" : "") + (momentum > 0 ? ", momentum" : "");
    return new Recipe("rmsprop", chain(links), StateFormula.perParam(buffers, names),
        "torch.optim.RMSprop");
  }

  /** Yogi (Zaheer et al. 2018) with Adam's bias corrections and v₀ = 0 (d2l.ai §12.10.3). */
  public static Recipe yogi(double beta1, double beta2, double eps) {
    return new Recipe("yogi",
        chain(ScaleByYogi.scaleByYogi(beta1, beta2, eps), scaleByLearningRate()),
        StateFormula.perParam(2, "m, v"), "Zaheer et al. 2018; d2l.ai §12.10.3");
  }

  /** Lion (Chen et al. 2023, Algorithm 2) with decoupled weight decay. */
  public static Recipe lion(double beta1, double beta2, double weightDecay) {
    List<GradientTransform> links = new ArrayList<>();
    links.add(ScaleByLion.scaleByLion(beta1, beta2));
    if (weightDecay != 0) {
      links.add(addDecayedWeights(weightDecay));
    }
    links.add(scaleByLearningRate());
    return new Recipe("lion", chain(links), StateFormula.perParam(1, "momentum"),
        "Chen et al. 2023, Algorithm 2");
  }

  /** transformers' Adafactor (Shazeer &amp; Stern 2018); see {@link ScaleByAdafactor}. */
  public static Recipe adafactor(double eps1, double eps2, double clipThreshold,
      SecondMomentDecay decay,
      Double beta1, double weightDecay, boolean scaleParameter, boolean relativeStep,
      boolean warmupInit, boolean factored) {
    return new Recipe("adafactor",
        ScaleByAdafactor.scaleByAdafactor(eps1, eps2, clipThreshold, decay, beta1,
            weightDecay, scaleParameter, relativeStep, warmupInit, factored),
        factored ? factoredFormula(beta1 != null) : fullSecondMoment(beta1 != null),
        "Shazeer & Stern 2018; transformers Adafactor");
  }

  /** torch.optim.Adafactor; see {@link ScaleByAdafactorTorch}. */
  public static Recipe adafactorTorch(double beta2Decay, Double eps1, double eps2, double d,
      double weightDecay) {
    return new Recipe("adafactor_torch",
        ScaleByAdafactorTorch.scaleByAdafactorTorch(beta2Decay, eps1, eps2, d, weightDecay),
        factoredFormula(false), "torch.optim.Adafactor");
  }

  /** Adafactor without factoring (the paper's "factored: no" rows): Adam's full v, m optional. */
  static StateFormula fullSecondMoment(boolean firstMoment) {
    return firstMoment
        ? StateFormula.perParam(2, "v, first moment")
        : StateFormula.perParam(1, "v");
  }

  /**
   * Adafactor's memory: Σ 4·(rows + cols) over the matrices of every tensor of rank ≥ 2, plus
   * 4·size for vectors, plus 4·n for a first moment.
   */
  static StateFormula factoredFormula(boolean firstMoment) {
    String text = "Σ 4·B·(r + c) over tensors of rank ≥ 2 (B·r×c) + 4·size over vectors"
        + (firstMoment ? " + 4·n (first moment)" : "");
    return new StateFormula(text, (ParamTree params) -> {
      long bytes = 0;
      for (Tensor t : params) {
        if (t.rank() >= 2) {
          int r = t.dim(-2);
          int c = t.dim(-1);
          long batches = r == 0 || c == 0 ? 0 : t.size() / ((long) r * c);
          bytes += 4L * batches * (r + c);
        } else {
          bytes += 4L * t.size();
        }
        if (firstMoment) {
          bytes += 4L * t.size();
        }
      }
      return bytes;
    });
  }
}
