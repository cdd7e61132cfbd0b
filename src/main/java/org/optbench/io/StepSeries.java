package org.optbench.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * The numeric columns of {@code steps.csv} as one array per run and column, read by a streaming
 * parser that touches only the columns it keeps. A 500-run grid of 10,000 steps is a 2 GB file;
 * reading it into a Tablesaw table takes over a minute and most of its memory goes to the repeated
 * label columns, which a report does not need per step (they are in {@code runs.csv}).
 *
 * <p>Values are stored as floats: enough for plots and summaries, half the memory. The file
 * itself keeps full precision. Missing cells are NaN; {@code clipped} is 1 or 0.
 */
public final class StepSeries {

  /** The columns kept, besides {@code run_id} and {@code step}. */
  public static final List<String> METRICS =
      List.of(
          "loss",
          "grad_norm",
          "grad_norm_clipped",
          "clipped",
          "clipping_threshold",
          "learning_rate",
          "step_size",
          "wall_ms",
          "eval_loss",
          "eval_accuracy");

  /**
   * Metrics that result sets written before they existed lack; they read as NaN there, so older
   * results still load into reports and comparisons.
   */
  static final List<String> LATER_METRICS = List.of("clipping_threshold", "step_size");

  private static final int CLIPPED = METRICS.indexOf("clipped");

  /** The steps of one run, in file order (ascending steps). */
  public static final class Run {
    private final String runId;
    private int firstLine;
    private int size;
    private int[] steps = new int[1024];
    private float[][] values = new float[METRICS.size()][1024];

    Run(String runId) {
      this.runId = runId;
    }

    public String runId() {
      return runId;
    }

    public int size() {
      return size;
    }

    /** The line of the file where the run's first row is; 0 when not read from a file. */
    int firstLine() {
      return firstLine;
    }

    /** The last step, or -1 for a run without steps. */
    int lastStep() {
      return size == 0 ? -1 : steps[size - 1];
    }

    /** Step numbers; the array may be longer than {@link #size()}. */
    public int[] steps() {
      return steps;
    }

    /**
     * The values of {@code metric} (one of {@link #METRICS}); the array may be longer than {@link
     * #size()}.
     */
    public float[] values(String metric) {
      int i = METRICS.indexOf(metric);
      if (i < 0) {
        throw new IllegalArgumentException("no column " + metric + " in steps.csv");
      }
      return values[i];
    }

    /**
     * Cuts the arrays to {@link #size()}: growth by doubling leaves up to half of them unused (a
     * 10,000-step run fills 10,000 of 16,384), which for a 500-run grid is over 100 MB of heap.
     * Readers call it when the next row belongs to another run; a later row of this run grows
     * the arrays again.
     */
    void trim() {
      if (steps.length == size) {
        return;
      }
      steps = Arrays.copyOf(steps, size);
      for (int m = 0; m < values.length; m++) {
        values[m] = Arrays.copyOf(values[m], size);
      }
    }

    void add(int step, float[] row) {
      if (size == steps.length) {
        int capacity = Math.max(1024, size * 2);
        steps = Arrays.copyOf(steps, capacity);
        for (int m = 0; m < values.length; m++) {
          values[m] = Arrays.copyOf(values[m], capacity);
        }
      }
      steps[size] = step;
      for (int m = 0; m < values.length; m++) {
        values[m][size] = row[m];
      }
      size++;
    }
  }

  private final Map<String, Run> runs;

  private StepSeries(Map<String, Run> runs) {
    runs.values().forEach(Run::trim);
    this.runs = runs;
  }

  /** Run ids in order of first appearance. */
  public List<String> runIds() {
    return new ArrayList<>(runs.keySet());
  }

  /** The steps of {@code runId}; a run without steps has size 0. */
  public Run run(String runId) {
    Run run = runs.get(runId);
    return run != null ? run : new Run(runId);
  }

  /** Total rows. */
  public long rows() {
    return runs.values().stream().mapToLong(Run::size).sum();
  }

  /** The series of a {@code steps.csv} table already in memory (tests, small result sets). */
  public static StepSeries of(Table steps) {
    Map<String, Run> runs = new LinkedHashMap<>();
    List<NumericColumn<?>> numeric = new ArrayList<>();
    for (String m : METRICS) {
      boolean absent = !steps.containsColumn(m);
      numeric.add(m.equals("clipped") || absent ? null : (NumericColumn<?>) steps.column(m));
    }
    BooleanColumn clipped = steps.booleanColumn("clipped");
    float[] row = new float[METRICS.size()];
    int clippedIndex = METRICS.indexOf("clipped");
    for (int r = 0; r < steps.rowCount(); r++) {
      for (int m = 0; m < row.length; m++) {
        row[m] =
            m == clippedIndex
                ? (clipped.isMissing(r) ? Float.NaN : clipped.get(r) ? 1f : 0f)
                : numeric.get(m) == null ? Float.NaN : (float) numeric.get(m).getDouble(r);
      }
      runs.computeIfAbsent(steps.stringColumn("run_id").get(r), Run::new)
          .add(steps.intColumn("step").getInt(r), row);
    }
    return new StepSeries(runs);
  }

  /**
   * Reads {@code file} (a {@code steps.csv}), keeping run id, step and {@link #METRICS}, and
   * checking every row on the way: its number of fields, a step that is a non-negative integer
   * above the run's previous step, numbers ({@code NaN} and {@code ±Infinity} included, an empty
   * cell a missing number) and {@code true}/{@code false} flags.
   *
   * @param fix what the user can do about a damaged file, appended to every message
   * @throws ResultSetException naming the file, line and column of the first problem, or the
   *     columns the header lacks (other than {@link #LATER_METRICS})
   */
  static StepSeries read(Path file, String fix) {
    if (ResultFiles.isParquet(file)) {
      return readParquet(file, fix);
    }
    FileCheck.csvFile(file, ReadLimits.STEPS_BYTES, fix);
    try (InputStream in = Files.newInputStream(file)) {
      return new Parser(in, file, fix).parse();
    } catch (IOException e) {
      throw FileCheck.unreadable(file, e, fix);
    }
  }

  /**
   * Reads a {@code steps.parquet} ({@link StepsParquet}), checking as {@link #read} does that
   * each run's steps rise; a run's first "line" is its first row.
   */
  private static StepSeries readParquet(Path file, String fix) {
    Map<String, Run> runs = new LinkedHashMap<>();
    float[] row = new float[METRICS.size()];
    StepsParquet.read(file, fix, new StepsParquet.RowSink() {
      private Run current;

      @Override
      public void row(long number, String runId, int step, double[] values) {
        if (current == null || !current.runId.equals(runId)) {
          if (current != null) {
            current.trim();
          }
          current = runs.computeIfAbsent(runId, Run::new);
        }
        if (current.size == 0) {
          current.firstLine = (int) Math.min(number, Integer.MAX_VALUE);
        } else if (step <= current.lastStep()) {
          throw StepsParquet.bad(file, number, "step", "step " + step + " of run " + runId
              + " follows its step " + current.lastStep() + " (a repeated or reordered row)", fix);
        }
        for (int m = 0; m < row.length; m++) {
          row[m] = (float) values[m];
        }
        current.add(step, row);
      }
    });
    return new StepSeries(runs);
  }

  /**
   * An RFC 4180 reader over bytes: fields may be quoted (with {@code ""} for a quote) and then hold
   * commas and line breaks. The file is read in large blocks and each row is parsed in place: kept
   * columns are converted where they lie, the others only scanned past.
   */
  private static final class Parser {
    private static final int BLOCK = 1 << 24;
    /** Longer rows are damage (a file without line ends), refused before the buffer grows more. */
    private static final int MAX_ROW_BYTES = 1 << 26;

    private final InputStream in;
    private final Path file;
    private final String fix;
    private byte[] buf = new byte[BLOCK];
    private int limit;
    private boolean eof;
    private int line = 1;
    private final int[] bounds = new int[2];
    private final float[] row = new float[METRICS.size()];
    /** The previous row's bytes before its step column. */
    private byte[] prefix;
    /** The header's column names. */
    private List<String> names;

    Parser(InputStream in, Path file, String fix) {
      this.in = in;
      this.file = file;
      this.fix = fix;
    }

    /** Fills {@code buf} after keeping {@code buf[from, limit)}; false when nothing was added. */
    private boolean refill(int from) throws IOException {
      if (eof) {
        return false;
      }
      int kept = limit - from;
      if (kept > MAX_ROW_BYTES) {
        throw new ResultSetException(
            file, "line " + line + " is longer than " + MAX_ROW_BYTES + " bytes; " + fix);
      }
      if (kept > buf.length / 2) {
        buf = Arrays.copyOf(buf, buf.length * 2); // a row longer than half a block
      }
      System.arraycopy(buf, from, buf, 0, kept);
      limit = kept;
      int n = in.readNBytes(buf, limit, buf.length - limit);
      if (n <= 0) {
        eof = true;
        return false;
      }
      limit += n;
      return true;
    }

    StepSeries parse() throws IOException {
      refill(0);
      List<String> header = new ArrayList<>();
      int pos = 0;
      while (true) {
        int end = rowEnd(pos);
        while (end < 0) {
          int shift = pos;
          if (!refill(pos)) {
            end = limit;
            break;
          }
          pos -= shift;
          end = rowEnd(pos);
        }
        // the header
        int p = pos;
        while (p < end) {
          p = field(p, end, bounds);
          header.add(headerName(bounds[0], bounds[1]));
        }
        pos = skipLineEnd(end);
        break;
      }
      if (new HashSet<>(header).size() != header.size()) {
        throw new ResultSetException(file, "the header names a column twice; " + fix);
      }
      // role[c]: -1 skip, -2 run_id, -3 step, m >= 0 metric m
      int[] role = new int[header.size()];
      Arrays.fill(role, -1);
      List<String> missing = new ArrayList<>();
      for (String name : concat(List.of("run_id", "step"), METRICS)) {
        int c = header.indexOf(name);
        if (c < 0) {
          if (!LATER_METRICS.contains(name)) {
            missing.add(name);
          }
        } else {
          role[c] = name.equals("run_id") ? -2 : name.equals("step") ? -3 : METRICS.indexOf(name);
        }
      }
      if (!missing.isEmpty()) {
        throw new ResultSetException(file, "lacks the columns " + missing + "; " + fix);
      }
      names = header;
      // Every row of a run starts with the same identifying columns (run_id ... engine), hundreds
      // of bytes of labels. A row starting with the previous row's bytes up to the step column is
      // of the same run, and only the numbers after it need parsing; comparing bytes is an
      // intrinsic and many times faster than scanning them field by field.
      int stepColumn = header.indexOf("step");
      boolean sharedPrefix = header.indexOf("run_id") < stepColumn;
      Map<String, Run> runs = new LinkedHashMap<>();
      Run current = null;
      while (true) {
        if (pos >= limit) {
          int shift = pos;
          if (!refill(pos)) {
            return new StepSeries(runs);
          }
          pos -= shift;
        }
        boolean same =
            prefix != null
                && pos + prefix.length <= limit
                && Arrays.equals(prefix, 0, prefix.length, buf, pos, pos + prefix.length);
        int end = rowEnd(same ? pos + prefix.length : pos);
        if (end < 0) {
          int shift = pos;
          if (refill(pos)) {
            pos -= shift;
            continue;
          }
          end = limit; // the last row has no line end
        }
        line++;
        if (end > pos) {
          current = row(pos, same, end, role, stepColumn, sharedPrefix, runs, current);
        }
        if (end >= limit) {
          return new StepSeries(runs);
        }
        pos = skipLineEnd(end);
      }
    }

    /**
     * Parses the row {@code buf[pos, end)} into its run (a separate method, so that the JIT
     * compiles it early rather than waiting for the reading loop to be replaced on the stack).
     */
    private Run row(
        int pos,
        boolean same,
        int end,
        int[] role,
        int stepColumn,
        boolean sharedPrefix,
        Map<String, Run> runs,
        Run current) {
      Arrays.fill(row, Float.NaN);
      int step = 0;
      int first = same ? stepColumn : 0;
      int p = same ? pos + prefix.length : pos;
      // Every field is scanned, kept or not, so that a short or long row is caught.
      for (int c = first; c < role.length; c++) {
        if (p > end) {
          throw bad("has " + c + " fields, the header " + role.length);
        }
        if (c == stepColumn && !same && sharedPrefix) {
          prefix = Arrays.copyOfRange(buf, pos, p);
        }
        p = field(p, end, bounds);
        int r = role[c];
        if (r == -1) {
          continue;
        }
        int from = bounds[0];
        int to = bounds[1];
        if (r == -2) {
          Run previous = current;
          current =
              runs.computeIfAbsent(new String(buf, from, to - from, StandardCharsets.UTF_8), Run::new);
          if (previous != null && previous != current) {
            previous.trim();
          }
        } else if (r == -3) {
          step = step(from, to);
        } else if (r == CLIPPED) {
          row[r] = flag(from, to);
        } else {
          row[r] = (float) number(from, to, c);
        }
      }
      if (p <= end) {
        throw bad("has more fields than the header's " + role.length);
      }
      if (current.size == 0) {
        current.firstLine = line;
      } else if (step <= current.lastStep()) {
        throw bad(stepColumn, "step " + step + " of run " + current.runId + " follows its step "
            + current.lastStep() + " (a repeated or reordered row)");
      }
      current.add(step, row);
      return current;
    }

    /** A column name; bytes that are not UTF-8 mean the file is not a steps.csv at all. */
    private String headerName(int from, int to) {
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .decode(ByteBuffer.wrap(buf, from, to - from))
            .toString();
      } catch (CharacterCodingException e) {
        throw new ResultSetException(file, "is not UTF-8 text (binary data?); " + fix);
      }
    }

    private ResultSetException bad(String problem) {
      return new ResultSetException(file, "line " + line + " " + problem + "; " + fix);
    }

    private ResultSetException bad(int column, String problem) {
      return new ResultSetException(
          file, "line " + line + ", column " + names.get(column) + ": " + problem + "; " + fix);
    }

    private String text(int from, int to) {
      return new String(buf, from, to - from, StandardCharsets.UTF_8);
    }

    /** The step column: a non-negative integer that fits an int, never narrowed. */
    private int step(int from, int to) {
      long value = 0;
      boolean digits = from < to && to - from <= 10;
      for (int i = from; i < to && digits; i++) {
        int d = buf[i] - '0';
        digits = d >= 0 && d <= 9;
        value = value * 10 + d;
      }
      if (!digits || value > Integer.MAX_VALUE) {
        String text = text(from, to);
        String why = text.startsWith("-") && text.length() > 1
                && text.substring(1).chars().allMatch(Character::isDigit)
            ? FileCheck.shown(text) + " is negative"
            : NumberText.notAnInteger(text, 32);
        throw bad(names.indexOf("step"), why);
      }
      return (int) value;
    }

    /** The clipped column: 1 for {@code true}, 0 for {@code false}. */
    private float flag(int from, int to) {
      String text = text(from, to);
      return switch (text) {
        case "true" -> 1f;
        case "false" -> 0f;
        default -> throw bad(names.indexOf("clipped"), FileCheck.shown(text)
            + " is not true or false");
      };
    }

    /**
     * The index of the line break ending the row that starts at {@code pos}, outside quotes; -1
     * when the buffer ends first.
     */
    private int rowEnd(int pos) {
      // A quote opens a quoted field only at the field's start (Tablesaw writes q"x unquoted);
      // inside one, "" stands for a quote and keeps it open.
      boolean quoted = false;
      boolean closed = false; // the previous byte closed a quoted field (or began a "")
      boolean fieldStart = true;
      for (int i = pos; i < limit; i++) {
        byte b = buf[i];
        if (quoted) {
          if (b == '"') {
            quoted = false;
            closed = true;
          }
          continue;
        }
        if (b == '"' && (fieldStart || closed)) {
          quoted = true;
          closed = false;
          fieldStart = false;
          continue;
        }
        if (b == '\n' || b == '\r') {
          return i;
        }
        closed = false;
        fieldStart = b == ',';
      }
      return -1;
    }

    private int skipLineEnd(int end) {
      if (end < limit && buf[end] == '\r' && end + 1 < limit && buf[end + 1] == '\n') {
        return end + 2;
      }
      return end + 1;
    }

    /**
     * Finds the field starting at {@code pos} in a row ending at {@code end}: its content's bounds
     * go to {@code bounds} (without quotes; a quoted field's {@code ""} stays doubled, which no kept
     * column contains), and the return value is where the next field starts.
     */
    private int field(int pos, int end, int[] bounds) {
      if (pos < end && buf[pos] == '"') {
        int i = pos + 1;
        while (i < end) {
          if (buf[i] == '"') {
            if (i + 1 < end && buf[i + 1] == '"') {
              i += 2;
              continue;
            }
            break;
          }
          i++;
        }
        bounds[0] = pos + 1;
        bounds[1] = i;
        return i + 2; // past the closing quote and the comma
      }
      int i = pos;
      while (i < end && buf[i] != ',') {
        i++;
      }
      bounds[0] = pos;
      bounds[1] = i;
      return i + 1;
    }

    /**
     * The field {@code buf[from, to)} of column {@code column} as a number: empty is NaN (how
     * earlier versions wrote NaN); otherwise what {@link NumberText#parseDouble} accepts.
     */
    private double number(int from, int to, int column) {
      if (from >= to) {
        return Double.NaN;
      }
      byte first = buf[from];
      // Fast path for plain decimals (what Double.toString writes in [1e-3, 1e7)), which are most
      // values. A float keeps 7 to 8 significant digits, so digits after the 9th are not read.
      int last = to - 1;
      boolean exponent = false;
      for (int k = last; k >= from && k >= last - 4; k--) {
        if (buf[k] == 'E' || buf[k] == 'e' || buf[k] == 'N' || buf[k] == 'y') {
          exponent = true; // 1.0E-4, NaN, Infinity
        }
      }
      if (!exponent) {
        long mantissa = 0;
        int digits = 0;
        int decimals = 0;
        boolean point = false;
        boolean anyDigit = false;
        boolean negative = first == '-';
        int i = negative ? from + 1 : from;
        boolean simple = true;
        for (; i < to; i++) {
          int d = buf[i] - '0';
          if (d >= 0 && d <= 9) {
            anyDigit = true;
            if (digits >= 9) {
              if (!point) {
                simple = false; // a large integer part: let the library scale it
                break;
              }
              continue; // past a float's precision; only checked to be digits
            }
            mantissa = mantissa * 10 + d;
            decimals += point ? 1 : 0;
            digits += mantissa != 0 ? 1 : 0;
          } else if (buf[i] == '.' && !point) {
            point = true;
          } else {
            simple = false;
            break;
          }
        }
        if (simple && anyDigit && decimals < POWERS.length) {
          double v = mantissa / POWERS[decimals];
          return negative ? -v : v;
        }
      }
      String text = text(from, to);
      try {
        return NumberText.parseDouble(text);
      } catch (NumberFormatException e) {
        throw bad(column, FileCheck.shown(text) + " is not a number (NaN and Infinity are allowed)");
      }
    }

    private static final double[] POWERS = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
      1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
