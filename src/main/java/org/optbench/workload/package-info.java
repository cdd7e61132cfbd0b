/**
 * Workloads: model architecture + dataset + loss + batch size, described without any engine so
 * that every engine trains exactly the same problem. Registered by the spec's {@code model} name
 * ({@link org.optbench.workload.Workloads#create}); real-data names follow DeepOBS's {@code
 * <dataset>_<model>}.
 *
 * <p>A {@link org.optbench.workload.ModelSpec} is one of: a dense network (linear and logistic
 * regression, MLPs), a LeNet-style convnet, a character-level LSTM/GRU, a tiny GPT, or an analytic
 * objective whose only parameter is the point x. Each states its parameter tensors (names and
 * shapes: the memory report tells matrices from vectors) and computes its initial values from the
 * seed in Java, following torch's or nanoGPT's initialisation, so that every engine starts a seed
 * from the same weights.
 *
 * <p>Sizes: workloads with a {@code size} parameter resolve {@code smoke} or {@code full}
 * defaults in the spec package, so a component already holds the values that run. A {@link
 * org.optbench.workload.Footprint} measures a workload in values before anything is allocated;
 * {@link org.optbench.workload.WorkloadValidation} checks it against the spec's limits and its
 * data files before any run.
 */
package org.optbench.workload;
