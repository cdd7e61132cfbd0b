package org.optbench.runner;

/**
 * How a run shows its progress ({@code run --progress}): {@link #AUTO} draws a bar when a
 * terminal is attached ({@code System.console()} is not null) and prints lines otherwise;
 * {@link #LINES} prints a line every few seconds (cells and steps done, elapsed time, ETA);
 * {@link #NONE} prints nothing.
 */
public enum ProgressMode {
  AUTO,
  BAR,
  LINES,
  NONE
}
