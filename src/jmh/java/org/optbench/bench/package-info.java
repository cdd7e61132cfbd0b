/**
 * JMH benchmarks of the native optimizers: step throughput per parameter, allocation per step
 * (run with {@code -prof gc}) and the machine's copy bandwidth that bounds them. How to run:
 * {@code scripts/jmh.sh -wi 2 -i 3 -f 1 -prof gc}; results and the reproduction command are in
 * docs/performance.md. Beside them, the report at scale: {@code ReportScale} times its build and
 * {@code ReportOpen} its opening in a cold headless Chromium ({@code scripts/bench.sh report},
 * {@code report-open}; figures in docs/reports.md).
 */
package org.optbench.bench;
