package org.optbench.cli;

import org.optbench.dataset.DatasetUnavailableException;
import org.optbench.engine.djl.LibtorchUnavailableException;
import org.optbench.io.ResultSetException;
import org.optbench.spec.SpecException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into one clear line and an exit code: bad input exits 2 with no stack trace;
 * anything else is a failure of optbench itself and keeps its stack trace for the bug report.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parsed) {
    var err = commandLine.getErr();
    if (e instanceof SpecException
        || e instanceof UserInputException
        || e instanceof DatasetUnavailableException
        || e instanceof ResultSetException
        || e instanceof LibtorchUnavailableException) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    err.println("optbench failed: " + e);
    e.printStackTrace(err);
    err.flush();
    return ExitCodes.FAILURE;
  }
}
