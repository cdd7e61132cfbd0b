package org.optbench.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Workload size presets: a left-out parameter follows the chosen size; a given one wins. */
class PresetsTest {

  private static List<Component> workloads(String entry) throws SpecException {
    String text = "name: t\nworkloads: [" + entry + "]\nsteps: 10\ngrid: {optimizer: [adam]}\n";
    return SpecParser.parse(Path.of("experiments/t.yaml"), text).workloads();
  }

  @Test
  void smokeIsTheDefault() throws SpecException {
    Component rnn = workloads("{model: char_rnn}").get(0);
    assertEquals("smoke", rnn.text("size"));
    assertEquals(128, rnn.integer("hidden"));
    assertEquals("char_rnn", rnn.label());
  }

  @Test
  void fullChangesTheDefaultsAndConfigShowsThem() throws SpecException {
    Component rnn = workloads("{model: char_rnn, size: full}").get(0);
    assertEquals(512, rnn.integer("hidden"));
    assertEquals(2, rnn.integer("layers"));
    assertTrue(rnn.config().contains("hidden=512"), rnn.config());
    assertEquals("char_rnn(size=full)", rnn.label());
  }

  @Test
  void givenValuesWinOverThePreset() throws SpecException {
    Component rnn = workloads("{model: char_rnn, size: full, hidden: 64}").get(0);
    assertEquals(64, rnn.integer("hidden"));
    assertEquals(2, rnn.integer("layers"));
    assertEquals("char_rnn(size=full,hidden=64)", rnn.label());
  }

  @Test
  void eachSizeOfAGridListGetsItsOwnDefaults() throws SpecException {
    List<Component> cnns = workloads("{model: fmnist_cnn, size: [smoke, full]}");
    assertEquals(6000, cnns.get(0).integer("train_size"));
    assertEquals(60000, cnns.get(1).integer("train_size"));
    assertEquals(List.of(1000, 1000),
        workloads("{model: fmnist_mlp, size: full}").get(0).integers("hidden"));
  }

  @Test
  void headsMustDivideTheModelWidth() {
    SpecException e =
        org.junit.jupiter.api.Assertions.assertThrows(SpecException.class,
            () -> workloads("{model: tiny_gpt, d_model: 64, heads: 3}"));
    assertTrue(e.getMessage().contains("heads must divide d_model"), e.getMessage());
  }

  @Test
  void quickstartWorkloadsKeepTheirConfig() throws SpecException {
    // Run ids hash config(); the quickstart's must not change with the new workloads.
    Component mlp = workloads("{model: mlp}").get(0);
    assertEquals(
        "dataset=synthetic_blobs,hidden=[64],classes=3,features=2,batch_size=64,train_size=2000,"
            + "eval_size=500,spread=1.0",
        mlp.config());
  }
}
