/**
 * Checks of the build itself: the Maven profiles that pick libtorch for each platform, and the
 * dependency scopes a project using optbench as a library inherits.
 */
package org.optbench.build;
