/**
 * The engine SPI: a {@link org.optbench.engine.TrainingEngine} trains one cell and reports steps
 * to a listener. Implementations live in sub-packages (the DJL/PyTorch one in {@code engine.djl});
 * {@code engine.analytic} trains the closed-form objectives in Java for the native engine.
 */
package org.optbench.engine;
