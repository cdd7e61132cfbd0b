package org.optbench.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.optbench.spec.ParserMessages;

/**
 * {@link Manifest} to and from pretty-printed JSON with snake_case keys. Reading checks before it
 * trusts: the file's kind and size first, then the JSON (nesting depth capped, duplicate keys and
 * trailing text refused), then every field ({@link ManifestCheck}).
 */
public final class ManifestJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  /**
   * Reads trees only, with limits a manifest never comes near; {@link ManifestCheck} takes the
   * fields from the tree (and ignores keys a later version adds).
   */
  private static final ObjectMapper READER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(ReadLimits.JSON_DEPTH)
                          .maxStringLength((int) ReadLimits.MANIFEST_BYTES)
                          .build())
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private ManifestJson() {}

  /** The manifest as JSON text, ending in a newline. */
  public static String toJson(Manifest manifest) throws IOException {
    return MAPPER.writeValueAsString(manifest) + "\n";
  }

  /** Writes {@code manifest} to {@code target} atomically. */
  public static void write(Manifest manifest, Path target) throws IOException {
    AtomicFiles.writeString(target, toJson(manifest));
  }

  /**
   * Reads and checks the manifest {@code file}.
   *
   * @throws ResultSetException naming the file and what is wrong with it
   */
  public static Manifest read(Path file) {
    return read(file, Remedies.forFolder(file.toAbsolutePath().getParent()));
  }

  /** {@link #read(Path)} with the remedy the messages end with. */
  static Manifest read(Path file, String fix) {
    FileCheck.regularFile(file, ReadLimits.MANIFEST_BYTES, fix);
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = READER.readTree(in);
    } catch (StreamConstraintsException e) {
      throw new ResultSetException(
          file, "nests deeper than " + ReadLimits.JSON_DEPTH + " levels, so it is not a manifest;"
              + " " + fix);
    } catch (JsonProcessingException e) {
      throw new ResultSetException(file, "is not valid JSON ("
          + ParserMessages.oneLine(e.getOriginalMessage()) + ParserMessages.at(e.getLocation())
          + "); " + fix);
    } catch (IOException e) {
      throw FileCheck.unreadable(file, e, fix);
    }
    return ManifestCheck.of(file, root, fix);
  }

}
