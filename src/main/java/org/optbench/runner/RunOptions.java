package org.optbench.runner;

import java.nio.file.Path;

/**
 * How {@link ExperimentRunner} runs a spec.
 *
 * @param resultsRoot folder that receives {@code <experiment>/} result sets
 * @param reportsRoot folder that receives {@code <experiment>/index.html}
 * @param threads libtorch intra-op threads (recorded in the manifest)
 * @param progress how to show progress on standard error
 */
public record RunOptions(Path resultsRoot, Path reportsRoot, int threads,
    ProgressSettings progress) {}
