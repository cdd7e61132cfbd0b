package org.optbench.report;

/**
 * Parts of a cell's setting label ({@code sgd(lr=0.1,momentum=0.9) · none · djl}) that sections
 * group by.
 */
final class SettingLabels {

  private SettingLabels() {}

  /**
   * {@code label} without its {@code lr=…} hyperparameter: {@code sgd(momentum=0.9) · none ·
   * djl}, and {@code adam} for {@code adam(lr=0.01)}. Cells that differ only in learning rate share
   * this, e.g. a heatmap row, or a memory row (the learning rate allocates nothing).
   */
  static String withoutLr(String label) {
    return label.replaceAll("(\\(|,)lr=[^,)]*,?", "$1").replace(",)", ")").replace("()", "");
  }

  /** The optimizer part of a setting, before the first {@code " · "}: {@code adam(lr=0.01)}. */
  static String optimizer(String setting) {
    int split = setting.indexOf(" · ");
    return split < 0 ? setting : setting.substring(0, split);
  }
}
