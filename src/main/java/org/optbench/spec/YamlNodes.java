package org.optbench.spec;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reading SnakeYAML's node tree with errors located in one spec file. The parser works on nodes,
 * not on the plain maps {@code Yaml.load} returns, because only nodes remember where they were
 * written.
 */
final class YamlNodes {

  private final Path file;

  YamlNodes(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  /**
   * The document's root node, or {@code null} for a file with no content. SnakeYAML's syntax
   * errors become {@link SpecException}s at the same place.
   */
  Node compose(String text) throws SpecException {
    if (text.length() > SpecText.MAX_BYTES) {
      throw SpecText.tooLarge(file, text.length() + " characters");
    }
    LoaderOptions options = new LoaderOptions();
    // Bounds the parse whoever calls it (spec files, spec texts from manifests).
    options.setCodePointLimit(SpecText.MAX_BYTES);
    try {
      new YamlGuard(file).check(new Yaml(options), text);
      return new Yaml(options).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      throw located(at, "YAML syntax error: " + syntaxProblem(e));
    } catch (ReaderException e) {
      throw unprintable(text);
    } catch (YAMLException e) {
      throw new SpecException(file, 0, 0, "YAML error: " + e.getMessage());
    }
  }

  /**
   * SnakeYAML refuses control characters (YAML 1.1 §5.1) without saying where; this finds the
   * first one with its line and column.
   */
  private SpecException unprintable(String text) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      int c = text.codePointAt(i);
      if (!StreamReader.isPrintable(c)) {
        return new SpecException(file, line, column, String.format(
            "character U+%04X is not allowed in YAML; remove it (a spec is plain text)", c));
      }
      if (c == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new SpecException(file, 0, 0, "YAML error: a character YAML does not allow");
  }

  /**
   * SnakeYAML's problem with its context: "while ..." contexts say where a construct began,
   * "expected ..." contexts are the first half of the sentence the problem ends.
   */
  private static String syntaxProblem(MarkedYAMLException e) {
    String context = e.getContext();
    Mark contextMark = e.getContextMark();
    String problem = e.getProblem() == null ? "malformed YAML" : e.getProblem().strip();
    if (problem.equals("mapping values are not allowed here")) {
      problem += "; check the indentation, or quote text that holds ': '";
    }
    if (context == null) {
      return problem;
    }
    if (context.startsWith("expected")) {
      return context + ", " + problem;
    }
    if (contextMark == null) {
      return problem + " (" + context + ")";
    }
    return problem + " (" + context + " started at line " + (contextMark.getLine() + 1)
        + ", column " + (contextMark.getColumn() + 1) + ")";
  }

  private SpecException located(Mark at, String problem) {
    if (at == null) {
      return new SpecException(file, 0, 0, problem);
    }
    return new SpecException(file, at.getLine() + 1, at.getColumn() + 1, problem);
  }

  /** An error at {@code node}; SnakeYAML counts lines and columns from 0, editors from 1. */
  SpecException error(Node node, String problem) {
    Mark mark = node.getStartMark();
    return new SpecException(file, mark.getLine() + 1, mark.getColumn() + 1, problem);
  }

  /**
   * The entries of a map by key, in the order written. Rejects keys that are not plain words and
   * keys given twice: SnakeYAML's composer keeps both and a later one would silently win.
   */
  Map<String, NodeTuple> entries(MappingNode map) throws SpecException {
    Map<String, NodeTuple> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : map.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode scalar) || isNull(keyNode)) {
        throw error(keyNode, "keys must be plain words such as lr, got " + describe(keyNode));
      }
      NodeTuple first = entries.putIfAbsent(scalar.getValue(), tuple);
      if (first != null) {
        int firstLine = first.getKeyNode().getStartMark().getLine() + 1;
        throw error(
            keyNode,
            "duplicate key '" + scalar.getValue() + "' (first given at line " + firstLine
                + "); keep one");
      }
    }
    return entries;
  }

  /**
   * Rejects the first key not in {@code known}. {@code problem} turns the key into the start of
   * the message; the known keys and, for a near miss, a suggestion follow it.
   */
  void rejectUnknown(
      Map<String, NodeTuple> entries, Collection<String> known, Function<String, String> problem)
      throws SpecException {
    for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
      String key = entry.getKey();
      if (!known.contains(key)) {
        throw error(
            entry.getValue().getKeyNode(),
            problem.apply(key) + "; known: " + String.join(", ", known)
                + Suggestions.didYouMean(key, known));
      }
    }
  }

  /** {@code node} as a map, or an error saying what {@code what} should look like. */
  MappingNode map(Node node, String what, String example) throws SpecException {
    if (node instanceof MappingNode map) {
      return map;
    }
    throw error(node, what + " must be a map such as " + example + ", got " + describe(node));
  }

  /** {@code node} as a list, or an error saying what {@code what} should look like. */
  SequenceNode list(Node node, String what, String example) throws SpecException {
    if (node instanceof SequenceNode list) {
      return list;
    }
    String hint = node instanceof MappingNode ? "; put '- ' before each entry to make a list" : "";
    throw error(
        node, what + " must be a list such as " + example + ", got " + describe(node) + hint);
  }

  /** Whether {@code node} is YAML's null ({@code ~}, {@code null} or nothing at all). */
  static boolean isNull(Node node) {
    return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
  }

  /** How {@code node} reads in a "got ..." clause: words quoted, numbers as written. */
  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a map";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    ScalarNode scalar = (ScalarNode) node;
    if (isNull(node)) {
      return "null";
    }
    Tag tag = scalar.getTag();
    if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL)) {
      return scalar.getValue();
    }
    return "'" + scalar.getValue() + "'";
  }

  /**
   * The Java value of a scalar under YAML 1.1's rules: Integer, Long or BigInteger for ints,
   * Double for floats, Boolean, null, and the text as written for everything else (strings,
   * dates, custom tags), so that free text is never reinterpreted.
   */
  static Object value(ScalarNode scalar) {
    Tag tag = scalar.getTag();
    if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL)
        || tag.equals(Tag.NULL)) {
      return Scalars.INSTANCE.construct(scalar);
    }
    return scalar.getValue();
  }

  /** SnakeYAML's own scalar constructors, so that 0x1F, 1_000 or 1e-3 mean what YAML says. */
  private static final class Scalars extends SafeConstructor {
    static final Scalars INSTANCE = new Scalars();

    private Scalars() {
      super(new LoaderOptions());
    }

    /**
     * Calls the tag's constructor directly: {@code constructObject} would cache every node it
     * sees, and the scalar constructors themselves keep no state, so one instance serves all.
     */
    Object construct(ScalarNode node) {
      return yamlConstructors.get(node.getTag()).construct(node);
    }
  }
}
