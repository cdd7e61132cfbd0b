package org.optbench.fuzz;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What one command did with one bad input.
 *
 * @param exit the exit code, or -1 when it hung past its time limit
 * @param err what it printed on standard error
 * @param written files created, changed or removed in the folders it must leave alone
 */
record Outcome(int exit, String err, List<String> written) {

  private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.<>/]+\\(");

  boolean hung() {
    return exit == -1;
  }

  boolean stackTrace() {
    return STACK_FRAME.matcher(err).find()
        || err.contains("Exception in thread")
        || err.contains("optbench failed");
  }

  /** Exactly one non-empty line on standard error, and it is an {@code error:} message. */
  boolean oneMessage() {
    List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
    return lines.size() == 1 && lines.get(0).startsWith("error: ");
  }

  /** Exit 2, one message, no stack trace, nothing written, no hang: what bad input must get. */
  boolean clean() {
    return exit == 2 && oneMessage() && !stackTrace() && written.isEmpty();
  }

  String describe() {
    String firstLines = String.join(" | ", err.lines().filter(l -> !l.isBlank()).limit(3).toList());
    return (hung() ? "hung" : "exit " + exit)
        + (written.isEmpty() ? "" : ", wrote " + written.size() + " path(s) e.g. " + written.get(0))
        + ": " + (firstLines.length() > 400 ? firstLines.substring(0, 400) + "…" : firstLines);
  }
}
