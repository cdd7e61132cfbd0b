package org.optbench.optim.replay;

/** A case that cannot be replayed, naming the case file and the field at fault. */
public final class ReplayException extends Exception {

  private final String caseName;
  private final String field;

  /**
   * @param caseName the case's file name
   * @param field JSON path of the offending value ({@code optimizer.lr}, {@code grads[3][1]})
   * @param problem what is wrong
   */
  public ReplayException(String caseName, String field, String problem) {
    super(caseName + ": " + field + ": " + problem);
    this.caseName = caseName;
    this.field = field;
  }

  public String caseName() {
    return caseName;
  }

  public String field() {
    return field;
  }
}
