/**
 * The engine SPI: a {@link org.optbench.engine.TrainingEngine} trains one cell and reports steps
 * to a listener. Implementations live in sub-packages (the DJL/PyTorch one in {@code engine.djl}).
 */
package org.optbench.engine;
