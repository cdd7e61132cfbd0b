package org.optbench.claims;

import java.util.Optional;
import org.optbench.io.ColumnSchema;
import org.optbench.spec.Claim;
import org.optbench.spec.ExperimentSpec;
import org.optbench.spec.SpecException;
import org.optbench.spec.check.CheckExpr;

/**
 * Checks, before anything runs, that every column a claim names exists in the results it will be
 * evaluated on, so a typo in a claim never costs a grid's worth of training.
 */
public final class ClaimValidation {

  private ClaimValidation() {}

  public static void validate(ExperimentSpec spec) throws SpecException {
    for (Claim claim : spec.claims()) {
      validate(spec, claim, claim.check());
    }
  }

  private static void validate(ExperimentSpec spec, Claim claim, CheckExpr expr)
      throws SpecException {
    if (expr instanceof CheckExpr.Aggregate aggregate) {
      validate(spec, claim, aggregate);
    } else if (expr instanceof CheckExpr.Arithmetic a) {
      validate(spec, claim, a.left());
      validate(spec, claim, a.right());
    } else if (expr instanceof CheckExpr.Comparison c) {
      validate(spec, claim, c.left());
      validate(spec, claim, c.right());
    } else if (expr instanceof CheckExpr.Logical l) {
      validate(spec, claim, l.left());
      validate(spec, claim, l.right());
    } else if (expr instanceof CheckExpr.Negation n) {
      validate(spec, claim, n.operand());
    } else if (expr instanceof CheckExpr.Not n) {
      validate(spec, claim, n.operand());
    }
  }

  private static void validate(ExperimentSpec spec, Claim claim, CheckExpr.Aggregate aggregate)
      throws SpecException {
    Optional<ColumnSchema> schema = Columns.schemaOf(aggregate.metric());
    if (schema.isEmpty() || !Columns.numeric(schema.get(), aggregate.metric())) {
      throw error(spec, claim, "unknown metric '" + aggregate.metric() + "' in " + aggregate.text()
          + "; known: " + String.join(", ", Columns.metricNames()));
    }
    for (CheckExpr.Filter filter : aggregate.filters()) {
      String column = Columns.resolve(filter.column());
      if (filter.ordering() && !Columns.numeric(schema.get(), column)) {
        throw error(spec, claim, "filter " + filter.column() + filter.op() + filter.value()
            + " orders values, which needs a numeric column such as step, lr or seed");
      }
      if (!schema.get().types().containsKey(column)) {
        if (Columns.isHyperparameter(column) && !filter.ordering()) {
          continue;
        }
        throw error(spec, claim, "unknown filter column '" + filter.column() + "' in "
            + aggregate.text() + "; use a column (" + String.join(", ", schema.get().names())
            + ") or a hyperparameter name such as amsgrad or max_norm");
      }
      if (Columns.numeric(schema.get(), column) && !isBoolean(filter.value())) {
        try {
          Double.parseDouble(filter.value());
        } catch (NumberFormatException e) {
          throw error(spec, claim, "filter " + filter.column() + " compares numbers, got '"
              + filter.value() + "' in " + aggregate.text());
        }
      }
    }
  }

  private static boolean isBoolean(String value) {
    return value.equals("true") || value.equals("false");
  }

  private static SpecException error(ExperimentSpec spec, Claim claim, String problem) {
    return new SpecException(spec.source(), claim.line(), claim.column(), "check: " + problem);
  }
}
