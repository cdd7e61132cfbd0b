package org.optbench.engine.djl;

/**
 * No libtorch on the class path can run on this machine ({@link LibtorchPlatform}): a problem of
 * the installation, which the command line reports as bad input (exit 2) before anything trains.
 */
public final class LibtorchUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public LibtorchUnavailableException(String message) {
    super(message);
  }
}
