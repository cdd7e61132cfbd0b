package org.optbench.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;

/** {@link Manifest} to and from pretty-printed JSON with snake_case keys. */
public final class ManifestJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          // A manifest from a later version with more keys still reads.
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
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

  /** Reads a manifest. */
  public static Manifest read(Path file) throws IOException {
    return MAPPER.readValue(file.toFile(), Manifest.class);
  }
}
