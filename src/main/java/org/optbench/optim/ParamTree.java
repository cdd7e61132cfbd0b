package org.optbench.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * An ordered list of named tensors: the parameters of a model, their gradients, or the updates
 * a transform produces. Parameters, gradients and updates of one model share the structure
 * (same names, shapes and order), which {@link #requireSameStructure} checks.
 */
public final class ParamTree implements Iterable<Tensor> {

  private final Tensor[] tensors;

  private ParamTree(Tensor[] tensors) {
    this.tensors = tensors;
  }

  public static ParamTree of(Tensor... tensors) {
    return new ParamTree(tensors.clone());
  }

  public static ParamTree of(List<Tensor> tensors) {
    return new ParamTree(tensors.toArray(new Tensor[0]));
  }

  /** Number of tensors. */
  public int size() {
    return tensors.length;
  }

  public Tensor get(int i) {
    return tensors[i];
  }

  /** The values of tensor {@code i}; the hot loops use this. */
  public float[] data(int i) {
    return tensors[i].data();
  }

  /** Total number of scalars over all tensors. */
  public long numel() {
    long n = 0;
    for (Tensor t : tensors) {
      n += t.size();
    }
    return n;
  }

  /** Same names and shapes, all zeros. */
  public ParamTree zerosLike() {
    Tensor[] out = new Tensor[tensors.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = tensors[i].zerosLike();
    }
    return new ParamTree(out);
  }

  /** A deep copy. */
  public ParamTree copy() {
    Tensor[] out = new Tensor[tensors.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = tensors[i].copy();
    }
    return new ParamTree(out);
  }

  /**
   * Fails unless {@code other} has the same number of tensors with the same shapes in the same
   * order.
   *
   * @param what names {@code other} in the message ("gradients")
   */
  public void requireSameStructure(ParamTree other, String what) {
    if (other.tensors.length != tensors.length) {
      throw new IllegalArgumentException(
          what + ": " + other.tensors.length + " tensors, parameters have " + tensors.length);
    }
    for (int i = 0; i < tensors.length; i++) {
      if (!tensors[i].sameShape(other.tensors[i])) {
        throw new IllegalArgumentException(what + ": tensor " + i + " ('" + tensors[i].name()
            + "') has shape " + Arrays.toString(other.tensors[i].shape()) + ", parameter has "
            + Arrays.toString(tensors[i].shape()));
      }
    }
  }

  /** The values of every tensor, copied, in order. */
  public float[][] values() {
    float[][] out = new float[tensors.length][];
    for (int i = 0; i < out.length; i++) {
      out[i] = tensors[i].data().clone();
    }
    return out;
  }

  @Override
  public Iterator<Tensor> iterator() {
    return List.of(tensors).iterator();
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (Tensor t : tensors) {
      parts.add(t.toString());
    }
    return parts.toString();
  }
}
