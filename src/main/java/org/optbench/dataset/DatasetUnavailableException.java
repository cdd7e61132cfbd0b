package org.optbench.dataset;

/**
 * A dataset a spec asks for cannot be read: its files are missing or malformed. The message says
 * which path was tried, which spec field sets it and how to get the data; callers report it as
 * bad input (the user's to fix), not as a failure of optbench.
 */
public final class DatasetUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DatasetUnavailableException(String message) {
    super(message);
  }

  public DatasetUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
