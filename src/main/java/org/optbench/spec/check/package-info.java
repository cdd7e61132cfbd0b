/**
 * The check language of claims ({@code expect:} in specs): a parser into a small expression tree
 * of aggregates, arithmetic, comparisons and and/or/not. No code is executed, ever: the tree is
 * evaluated against result tables by {@code org.optbench.claims}. See docs/claims.md.
 */
package org.optbench.spec.check;
