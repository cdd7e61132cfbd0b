package org.optbench.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The optbench command lines inside a shell script (a manifest's {@code sh -c} argument, a
 * Dockerfile RUN): each simple command that runs {@code optbench.jar}, split into the words the
 * shell would pass, so that tests can parse them against the real command tree. Handles the POSIX
 * shell subset these files use: separators {@code && || ; |} and newlines, double and single
 * quotes, backslash-newline continuations, and {@code $NAME}/{@code ${NAME}} replaced by example
 * values or by the value of a plain assignment {@code NAME=value} earlier in the script.
 */
final class ShellCommands {

  private static final Pattern SEPARATOR = Pattern.compile("&&|\\|\\||[;|\\n]");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");
  private static final Pattern ASSIGNMENT = Pattern.compile("(\\w+)=(\\S+)");

  private ShellCommands() {}

  /**
   * The arguments after {@code optbench.jar} of every command running it, in script order.
   *
   * @param examples a value for each variable the script reads but does not assign
   */
  static List<List<String>> optbenchArguments(String script, Map<String, String> examples) {
    Map<String, String> variables = new LinkedHashMap<>(examples);
    List<List<String>> commands = new ArrayList<>();
    for (String command : SEPARATOR.split(script.replace("\\\n", " "))) {
      Matcher assignment = ASSIGNMENT.matcher(command.trim());
      if (assignment.matches()) {
        variables.put(assignment.group(1), words(assignment.group(2), variables).get(0));
        continue;
      }
      if (!command.contains("optbench.jar")) {
        continue;
      }
      List<String> words = words(command, variables);
      int jar = words.indexOf(words.stream().filter(w -> w.endsWith("optbench.jar")).findFirst().orElseThrow());
      commands.add(words.subList(jar + 1, words.size()));
    }
    return commands;
  }

  /** {@code command} split into words: variables replaced, quotes removed. */
  static List<String> words(String command, Map<String, String> variables) {
    Matcher m = VARIABLE.matcher(command);
    StringBuilder replaced = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      String value = variables.get(name);
      if (value == null) {
        throw new IllegalArgumentException("no example value for $" + name + " in: " + command.trim());
      }
      m.appendReplacement(replaced, Matcher.quoteReplacement(value));
    }
    m.appendTail(replaced);
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (char c : replaced.toString().toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unbalanced quote in: " + command.trim());
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }
}
