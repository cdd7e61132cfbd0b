package org.optbench.optim.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optbench.spec.Axis;
import org.optbench.spec.Catalog;
import org.optbench.spec.Component;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.ParamDef;

/**
 * Resolves a JSON object such as {@code {"name": "adam", "lr": 0.001}} against the
 * {@link Catalog}, exactly as a spec's component is: unknown names and parameters, wrong types
 * and out-of-range values are refused with the field named, the rest filled with defaults.
 */
final class ComponentResolver {

  private ComponentResolver() {}

  static Component resolve(Axis axis, JsonNode node, String caseName, String field)
      throws ReplayException {
    if (!node.isObject()) {
      throw new ReplayException(caseName, field, "expected an object with a \"name\"");
    }
    JsonNode nameNode = node.get("name");
    if (nameNode == null || !nameNode.isTextual()) {
      throw new ReplayException(caseName, field + ".name", "missing; known "
          + axis.label() + "s: " + Catalog.names(axis));
    }
    String name = nameNode.asText();
    ComponentDef def = Catalog.find(axis, name).orElseThrow(() -> new ReplayException(caseName,
        field + ".name", Catalog.unknownName(axis, name)));
    Map<String, Object> values = new LinkedHashMap<>();
    for (ParamDef p : def.params()) {
      values.put(p.name(), p.defaultValue());
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = entry.getKey();
      if (key.equals("name")) {
        continue;
      }
      String where = field + "." + key;
      ParamDef p = def.param(key).orElseThrow(() -> new ReplayException(caseName, where,
          "unknown parameter of " + name + "; known: " + def.paramNames()));
      values.put(key, value(p, entry.getValue(), caseName, where));
    }
    for (ParamDef p : def.params()) {
      if (values.get(p.name()) == null && p.required()) {
        throw new ReplayException(caseName, field + "." + p.name(), "required");
      }
    }
    return new Component(def, values);
  }

  private static Object value(ParamDef p, JsonNode v, String caseName, String where)
      throws ReplayException {
    if (v.isNull()) {
      if (p.optional()) {
        return null;
      }
      throw new ReplayException(caseName, where, "must not be null");
    }
    switch (p.type()) {
      case FLOAT -> {
        if (!v.isNumber()) {
          throw wrongType(p, v, caseName, where);
        }
        if (!Double.isFinite(v.doubleValue())) {
          throw new ReplayException(caseName, where, "too large to be a finite number");
        }
        return inRange(p, v.asDouble(), caseName, where);
      }
      case INT -> {
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
          throw wrongType(p, v, caseName, where);
        }
        inRange(p, v.asInt(), caseName, where);
        return v.asInt();
      }
      case BOOL -> {
        if (!v.isBoolean()) {
          throw wrongType(p, v, caseName, where);
        }
        return v.asBoolean();
      }
      case STRING -> {
        if (!v.isTextual()) {
          throw wrongType(p, v, caseName, where);
        }
        if (!p.choices().isEmpty() && !p.choices().contains(v.asText())) {
          throw new ReplayException(caseName, where,
              "'" + v.asText() + "' is not one of " + String.join(", ", p.choices()));
        }
        return v.asText();
      }
      case INT_LIST -> {
        if (!v.isArray()) {
          throw wrongType(p, v, caseName, where);
        }
        List<Integer> list = new ArrayList<>();
        for (JsonNode item : v) {
          if (!item.isIntegralNumber() || !item.canConvertToInt()) {
            throw wrongType(p, v, caseName, where);
          }
          inRange(p, item.asInt(), caseName, where);
          list.add(item.asInt());
        }
        return list;
      }
      default -> throw new IllegalStateException("unhandled type " + p.type());
    }
  }

  private static double inRange(ParamDef p, double value, String caseName, String where)
      throws ReplayException {
    if (!p.range().contains(value)) {
      throw new ReplayException(caseName, where,
          value + " is out of range; allowed: " + p.range().describe());
    }
    return value;
  }

  private static ReplayException wrongType(ParamDef p, JsonNode v, String caseName, String where) {
    return new ReplayException(caseName, where,
        "expected a " + p.type().label() + ", got " + v.getNodeType().name().toLowerCase()
            + " " + v);
  }
}
