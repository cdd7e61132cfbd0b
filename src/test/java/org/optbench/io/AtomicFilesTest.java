package org.optbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesTheContentAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("a.txt");
    AtomicFiles.writeString(target, "first");
    AtomicFiles.writeString(target, "second");
    assertEquals("second", Files.readString(target));
    assertEquals(List.of("a.txt"), names());
  }

  @Test
  void writtenFilesGetDefaultPermissionsNotOwnerOnly() throws IOException {
    Assumptions.assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path plain = Files.createFile(dir.resolve("plain.txt"));
    Path atomic = dir.resolve("atomic.txt");
    AtomicFiles.writeString(atomic, "x");
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic));
  }

  @Test
  void createsMissingParentFolders() throws IOException {
    Path target = dir.resolve("x/y/z.txt");
    AtomicFiles.writeString(target, "deep");
    assertEquals("deep", Files.readString(target));
  }

  @Test
  void failingWriterLeavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
    Path target = dir.resolve("a.txt");
    AtomicFiles.writeString(target, "old");
    IOException thrown =
        assertThrows(
            IOException.class,
            () ->
                AtomicFiles.write(
                    target,
                    temp -> {
                      Files.writeString(temp, "half of the new con");
                      throw new IOException("disk full");
                    }));
    assertEquals("disk full", thrown.getMessage());
    assertEquals("old", Files.readString(target));
    assertEquals(List.of("a.txt"), names());
  }

  @Test
  void uncheckedFailureAlsoCleansUp() throws IOException {
    Path target = dir.resolve("b.txt");
    assertThrows(
        UncheckedIOException.class,
        () ->
            AtomicFiles.write(
                target,
                temp -> {
                  throw new UncheckedIOException(new IOException("boom"));
                }));
    assertEquals(List.of(), names());
  }
}
