package org.optbench.optim.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optbench.optim.alias.NativeOptimizers;
import org.optbench.spec.Axis;
import org.optbench.spec.Catalog;
import org.optbench.spec.Component;

/**
 * The schedules torch.optim.lr_scheduler also implements, against factors torch 1.13 computed
 * (golden-schedules/schedules.json, written by tools/golden/schedules.py; each case names its
 * torch scheduler).
 */
class SchedulesGoldenTest {

  @Test
  void factorsMatchTorchLrSchedulers() throws IOException {
    JsonNode root;
    try (InputStream in =
        getClass().getResourceAsStream("/golden-schedules/schedules.json")) {
      root = new ObjectMapper().readTree(in);
    }
    int checked = 0;
    for (JsonNode c : root.get("cases")) {
      JsonNode spec = c.get("schedule");
      String name = spec.get("name").asText();
      Component defaults = Component.withDefaults(Catalog.require(Axis.SCHEDULE, name));
      Map<String, Object> params = new LinkedHashMap<>(defaults.params());
      spec.fields().forEachRemaining(f -> {
        if (!f.getKey().equals("name")) {
          params.put(f.getKey(), f.getValue().isInt() ? (Object) f.getValue().asInt()
              : (Object) f.getValue().asDouble());
        }
      });
      Schedule s = NativeOptimizers.schedule(new Component(defaults.def(), params),
          c.get("steps").asInt());
      JsonNode factors = c.get("factors");
      for (int t = 1; t <= factors.size(); t++) {
        assertEquals(factors.get(t - 1).asDouble(), s.factor(t), 1e-12,
            name + " at step " + t + " (" + c.get("reference").asText() + ")");
        checked++;
      }
    }
    assertEquals(60, checked);
  }
}
