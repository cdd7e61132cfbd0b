package org.optbench.spec;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Checks a spec's YAML event stream before its node tree is built, where each problem still has
 * its place in the file:
 *
 * <ul>
 *   <li>explicit tags ({@code !!int abc}, {@code !!binary}, {@code !!python/...}, {@code !foo}):
 *       a spec value's type is how it is written, and a tag would either contradict that (an
 *       {@code !!int} that is no integer) or ask for an object optbench never builds;
 *   <li>aliases to lists or maps, at most {@value #MAX_COLLECTION_ALIASES}: each one copies its
 *       list again, and in a grid copies multiply (SnakeYAML's own default limit);
 *   <li>nesting, at most {@value #MAX_DEPTH} levels: a spec needs five.
 * </ul>
 */
final class YamlGuard {

  static final int MAX_COLLECTION_ALIASES = 50;
  static final int MAX_DEPTH = 32;

  /** How YAML 1.1 spells its standard tags in full; specs write them as {@code !!name}. */
  private static final String STANDARD_PREFIX = "tag:yaml.org,2002:";

  private final Path file;

  YamlGuard(Path file) {
    this.file = file;
  }

  /**
   * Walks the events of {@code text} with {@code yaml}'s parser; syntax errors surface as
   * SnakeYAML's exceptions, which the caller reports.
   */
  void check(Yaml yaml, String text) throws SpecException {
    Map<String, Boolean> anchorIsCollection = new HashMap<>();
    int collectionAliases = 0;
    int depth = 0;
    for (Event event : yaml.parse(new StringReader(text))) {
      if (event instanceof NodeEvent node && !(event instanceof AliasEvent)
          && node.getAnchor() != null) {
        anchorIsCollection.put(node.getAnchor(), event instanceof CollectionStartEvent);
      }
      String tag = event instanceof ScalarEvent scalar ? scalar.getTag()
          : event instanceof CollectionStartEvent collection ? collection.getTag() : null;
      if (tag != null) {
        throw error(event.getStartMark(),
            "explicit YAML tag " + written(tag) + " is not supported: a spec value's type is how"
                + " it is written (10, 0.1, true, [64, 64], text); remove the tag, and quote"
                + " text that would read as a number");
      }
      if (event instanceof AliasEvent alias
          && anchorIsCollection.getOrDefault(alias.getAnchor(), false)
          && ++collectionAliases > MAX_COLLECTION_ALIASES) {
        throw error(event.getStartMark(),
            "more than " + MAX_COLLECTION_ALIASES + " aliases (*name) of lists or maps; each"
                + " repeats its list, and repeated lists multiply the grid: write the values out"
                + " or use fewer aliases");
      }
      if (event instanceof CollectionStartEvent && ++depth > MAX_DEPTH) {
        throw error(event.getStartMark(),
            "lists and maps nested more than " + MAX_DEPTH + " levels deep; a spec needs a few"
                + " (see experiments/quickstart.yaml)");
      }
      if (event instanceof CollectionEndEvent) {
        depth--;
      }
    }
  }

  /** {@code tag:yaml.org,2002:int} as specs write it, {@code !!int}; other tags as they are. */
  private static String written(String tag) {
    return tag.startsWith(STANDARD_PREFIX) ? "!!" + tag.substring(STANDARD_PREFIX.length()) : tag;
  }

  private SpecException error(Mark at, String problem) {
    return new SpecException(file, at.getLine() + 1, at.getColumn() + 1, problem);
  }
}
