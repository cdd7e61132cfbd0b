package org.optbench.claims;

import org.optbench.spec.Claim;

/**
 * A claim and what the runs said about it.
 *
 * @param claim the claim as specified
 * @param verdict reproduced, not reproduced or inconclusive
 * @param numbers every aggregate the check used, with its value, seed band and run count
 */
public record ClaimResult(Claim claim, Verdict verdict, String numbers) {}
