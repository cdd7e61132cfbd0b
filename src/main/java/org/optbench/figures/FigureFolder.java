package org.optbench.figures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.optbench.io.AtomicFiles;
import org.optbench.io.IoConsumer;
import org.optbench.io.OutputLocations;

/**
 * The folder figures are written into. Images carry no mark optbench could look for (as its HTML
 * pages do, {@link org.optbench.io.GeneratedPages}), so the folder keeps a record, {@code
 * figures.json}, of every file optbench wrote there: a file at a name optbench is about to write is
 * replaced only when the record lists it, and nothing else in the folder is touched.
 *
 * @param dir the folder
 */
public record FigureFolder(Path dir) {

  /** The record of the files optbench wrote in the folder. */
  public static final String RECORD = "figures.json";
  /** The captions of the figures, as LaTeX {@code \caption} lines ({@link Captions}). */
  public static final String CAPTIONS = "captions.tex";

  private static final String GENERATOR = "optbench figures";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What stops optbench from writing {@code names} (file names, captions included) into the
   * folder, or empty: a folder that cannot be written, a record optbench did not write, or a file
   * at one of the names that the record does not list. Only looks; creates nothing.
   */
  public Optional<String> problem(Set<String> names) {
    Optional<String> folder = OutputLocations.folderProblem(dir);
    if (folder.isPresent()) {
      return folder;
    }
    Set<String> written;
    try {
      written = written();
    } catch (IOException e) {
      return Optional.of(e.getMessage());
    }
    for (String name : names) {
      Path file = dir.resolve(name);
      Optional<String> inTheWay = OutputLocations.fileProblem(file);
      if (inTheWay.isPresent()) {
        return inTheWay;
      }
      if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !written.contains(name)) {
        return Optional.of(file + " exists and optbench did not write it (" + dir.resolve(RECORD)
            + " does not list it), so it will not replace it; move it or pass another --out");
      }
    }
    return Optional.empty();
  }

  /**
   * Writes {@code files} (name → content) and the record listing them with what it listed before:
   * all files or, when one fails, none of them.
   */
  public void write(Map<String, byte[]> files) throws IOException {
    Optional<String> problem = problem(files.keySet());
    if (problem.isPresent()) {
      throw new IOException(problem.get());
    }
    Set<String> listed = new TreeSet<>(written());
    listed.addAll(files.keySet());
    ObjectNode record = JSON.createObjectNode().put("generator", GENERATOR);
    ArrayNode names = record.putArray("files");
    listed.forEach(names::add);
    byte[] recordBytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(record);
    // The record goes first: a process killed between renames leaves a listed name with its old
    // file, never a new file the record does not list (which optbench would then refuse to touch).
    Map<Path, IoConsumer<Path>> writers = new LinkedHashMap<>();
    writers.put(dir.resolve(RECORD), temp -> Files.write(temp, recordBytes));
    files.forEach((name, content) -> writers.put(dir.resolve(name), temp -> Files.write(temp, content)));
    AtomicFiles.writeAll(writers);
  }

  /** The names the folder's record lists; none when there is no record. */
  private Set<String> written() throws IOException {
    Path record = dir.resolve(RECORD);
    if (!Files.exists(record, LinkOption.NOFOLLOW_LINKS)) {
      return Set.of();
    }
    String notOurs = record + " was not written by optbench figures, which keeps its list of"
        + " written files there; move it or pass another --out";
    JsonNode json;
    try {
      json = JSON.readTree(Files.readString(record, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException unreadable) {
      throw new IOException(notOurs);
    }
    if (json == null || !GENERATOR.equals(json.path("generator").asText())
        || !json.path("files").isArray()) {
      throw new IOException(notOurs);
    }
    Set<String> names = new TreeSet<>();
    json.get("files").forEach(n -> names.add(n.asText()));
    return names;
  }
}
