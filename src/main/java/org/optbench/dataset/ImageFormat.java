package org.optbench.dataset;

/**
 * What a model expects of an image set: square one-channel images and a number of classes.
 *
 * @param side image rows and columns
 * @param classes labels run from 0 to classes − 1
 */
public record ImageFormat(int side, int classes) {}
