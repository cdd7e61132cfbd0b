/**
 * The command line: {@code run}, {@code report}, {@code validate}, {@code list}, {@code replay}.
 * Bad input exits 2 with one message naming the file, field and fix; failures exit 1.
 */
package org.optbench.cli;
