/**
 * Learning-rate schedules: a {@link org.optbench.optim.schedule.Schedule} maps the 1-based step
 * number to a factor of the optimizer's lr. Depends on nothing.
 */
package org.optbench.optim.schedule;
