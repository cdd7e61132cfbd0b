package org.optbench.metrics;

/**
 * Where and with what a result was produced; written to {@code manifest.json}.
 *
 * @param optbenchVersion optbench's version
 * @param gitCommit commit of the optbench checkout, or "unknown"
 * @param javaVersion {@code java.version}
 * @param djlVersion DJL's version
 * @param pytorchVersion the libtorch version the engine loaded
 * @param threads intra-op threads of the engine
 * @param os operating system name, version and architecture
 * @param cpu processor model
 * @param cores available processors
 */
public record RunEnvironment(
    String optbenchVersion,
    String gitCommit,
    String javaVersion,
    String djlVersion,
    String pytorchVersion,
    int threads,
    String os,
    String cpu,
    int cores) {}
