/**
 * Slurm job arrays for a grid: one array task per shard ({@code run --shard i/N}), requeued on a
 * time limit or preemption and resumed from its cell store, then a dependent job that merges,
 * reports and compares. {@link org.optbench.slurm.ArrayJob} says what runs where, {@link
 * org.optbench.slurm.SbatchScripts} writes it as two batch scripts, {@link
 * org.optbench.slurm.Sbatch} submits them. Reference for every directive: sbatch(1), Slurm 22.05.
 */
package org.optbench.slurm;
