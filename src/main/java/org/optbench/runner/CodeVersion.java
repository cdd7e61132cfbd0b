package org.optbench.runner;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A digest of optbench's own compiled classes, as loaded: the code part of a {@link CellKey}. It
 * changes whenever any class changes, committed or not, and not when a jar is merely rebuilt from
 * the same sources (entry names and bytes are hashed, not the jar's timestamps).
 */
final class CodeVersion {

  private static final String PACKAGE = "org/optbench/";
  private static String cached;

  private CodeVersion() {}

  /** 16 hex digits, or "unknown" when the classes cannot be read. */
  static synchronized String current() {
    if (cached == null) {
      cached = compute();
    }
    return cached;
  }

  private static String compute() {
    try {
      Path location =
          Path.of(CodeVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      if (Files.isDirectory(location)) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(location.resolve(PACKAGE))) {
          files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
          digest.update(location.relativize(file).toString().replace('\\', '/').getBytes());
          digest.update(Files.readAllBytes(file));
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          List<JarEntry> entries = new ArrayList<>();
          jar.stream().filter(e -> e.getName().startsWith(PACKAGE) && !e.isDirectory()).forEach(entries::add);
          entries.sort((a, b) -> a.getName().compareTo(b.getName()));
          for (JarEntry entry : entries) {
            digest.update(entry.getName().getBytes());
            try (InputStream in = new DigestInputStream(jar.getInputStream(entry), digest)) {
              in.transferTo(java.io.OutputStream.nullOutputStream());
            }
          }
        }
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 8);
    } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
      return "unknown";
    }
  }
}
