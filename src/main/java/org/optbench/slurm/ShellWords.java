package org.optbench.slurm;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Arguments written into a bash script so that bash hands each one back unchanged, except for
 * {@link #TASK_ID}, which bash expands to the array task's index.
 */
public final class ShellWords {

  /** Stands for the array task's index in an argument; bash expands it in the task. */
  public static final String TASK_ID = "${SLURM_ARRAY_TASK_ID}";

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_/.,:=+@%-]+");
  private static final Pattern DOUBLE_QUOTE_SAFE = Pattern.compile("[^$`\"\\\\!]*");

  private ShellWords() {}

  /** {@code word} quoted for bash: bare when safe, else in quotes; {@link #TASK_ID} expands. */
  public static String quote(String word) {
    if (PLAIN.matcher(word).matches()) {
      return word;
    }
    String rest = word.replace(TASK_ID, "");
    if (DOUBLE_QUOTE_SAFE.matcher(rest).matches()) {
      return "\"" + word + "\"";
    }
    if (!word.contains(TASK_ID)) {
      return singleQuoted(word);
    }
    StringBuilder out = new StringBuilder();
    String[] pieces = word.split(Pattern.quote(TASK_ID), -1);
    for (int i = 0; i < pieces.length; i++) {
      if (i > 0) {
        out.append('"').append(TASK_ID).append('"');
      }
      if (!pieces[i].isEmpty()) {
        out.append(singleQuoted(pieces[i]));
      }
    }
    return out.toString();
  }

  /** The words of a command line, each quoted, separated by spaces. */
  public static String join(List<String> words) {
    return words.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
  }

  /** Single quotes keep everything literal; a quote inside becomes {@code '\''}. */
  private static String singleQuoted(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
