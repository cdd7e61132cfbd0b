package org.optbench.claims;

/** Three-valued logic (Kleene's strong logic) for checks whose parts may be undecided. */
enum Truth {
  TRUE,
  FALSE,
  UNKNOWN;

  Truth and(Truth other) {
    if (this == FALSE || other == FALSE) {
      return FALSE;
    }
    return this == TRUE && other == TRUE ? TRUE : UNKNOWN;
  }

  Truth or(Truth other) {
    if (this == TRUE || other == TRUE) {
      return TRUE;
    }
    return this == FALSE && other == FALSE ? FALSE : UNKNOWN;
  }

  Truth not() {
    return switch (this) {
      case TRUE -> FALSE;
      case FALSE -> TRUE;
      case UNKNOWN -> UNKNOWN;
    };
  }

  Verdict verdict() {
    return switch (this) {
      case TRUE -> Verdict.REPRODUCED;
      case FALSE -> Verdict.NOT_REPRODUCED;
      case UNKNOWN -> Verdict.INCONCLUSIVE;
    };
  }
}
