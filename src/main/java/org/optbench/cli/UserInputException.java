package org.optbench.cli;

/** Input the user can fix (a missing folder, a clash of names); reported without a stack trace. */
final class UserInputException extends RuntimeException {

  UserInputException(String message) {
    super(message);
  }
}
