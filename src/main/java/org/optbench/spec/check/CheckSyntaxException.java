package org.optbench.spec.check;

/** A check that does not parse; {@code offset} is the 0-based position in the check text. */
public final class CheckSyntaxException extends Exception {

  private final int offset;

  public CheckSyntaxException(int offset, String message) {
    super(message);
    this.offset = offset;
  }

  public int offset() {
    return offset;
  }
}
