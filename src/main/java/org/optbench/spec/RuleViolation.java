package org.optbench.spec;

/**
 * A broken {@link ComponentRule}.
 *
 * @param param the parameter to point the error at
 * @param problem what is wrong and how to fix it
 */
public record RuleViolation(String param, String problem) {}
