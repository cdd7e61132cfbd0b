package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed reproduction summaries are one reproducible record: each comes from the spec as
 * it is now and from committed code, and {@code claims} over all of them regenerates
 * docs/verdicts.md and each folder's claims.csv exactly (the README's recipe).
 */
class CommittedReproductionsTest {

  private static final Path SUMMARIES = Path.of("results", "reproductions");

  @TempDir Path dir;

  private static List<Path> specs() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("experiments"))) {
      return files.filter(p -> p.getFileName().toString().matches("repro_.*\\.yaml"))
          .sorted().toList();
    }
  }

  @Test
  void everyReproductionHasASummaryOfItsCurrentSpecFromCommittedCode() throws Exception {
    List<Path> specs = specs();
    assertFalse(specs.isEmpty());
    for (Path spec : specs) {
      String name = spec.getFileName().toString().replace(".yaml", "");
      Path manifest = SUMMARIES.resolve(name).resolve("manifest.json");
      assertTrue(Files.isRegularFile(manifest), "no committed summary for " + spec);
      JsonNode m = new ObjectMapper().readTree(manifest.toFile());
      assertEquals("complete", m.get("status").asText(), manifest.toString());
      String commit = m.get("git_commit").asText();
      assertTrue(commit.matches("[0-9a-f]{40}"),
          manifest + ": built from " + commit + ", not from a committed checkout");
      String sha = HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(spec)));
      assertEquals(sha, m.get("spec_sha256").asText(),
          manifest + " was produced by another version of " + spec
              + "; rerun it (scripts/reproduce.sh " + spec + ")");
    }
  }

  @Test
  void claimsOverTheCommittedSummariesRegenerateTheVerdictTable() throws Exception {
    // On copies: claims rewrites each folder's claims.csv, and the committed ones must stay as
    // the runs wrote them.
    List<String> args = new ArrayList<>(List.of("claims"));
    for (Path spec : specs()) {
      String name = spec.getFileName().toString().replace(".yaml", "");
      Path copy = dir.resolve("summaries").resolve(name);
      Files.createDirectories(copy);
      try (Stream<Path> files = Files.list(SUMMARIES.resolve(name))) {
        for (Path file : files.toList()) {
          Files.copy(file, copy.resolve(file.getFileName()));
        }
      }
      args.add(copy.toString());
    }
    Path table = dir.resolve("verdicts.md");
    args.addAll(List.of("--markdown", table.toString()));
    Cli.Result result = Cli.execute(args.toArray(String[]::new));
    assertEquals(0, result.exit(), result.all());
    assertFalse(result.hasStackTrace(), result.all());
    assertEquals(Files.readString(Path.of("docs", "verdicts.md")), Files.readString(table),
        "docs/verdicts.md differs from what the committed summaries give; regenerate it with"
            + " scripts/reproduce.sh");
    for (Path spec : specs()) {
      String name = spec.getFileName().toString().replace(".yaml", "");
      assertEquals(Files.readString(SUMMARIES.resolve(name).resolve("claims.csv")),
          Files.readString(dir.resolve("summaries").resolve(name).resolve("claims.csv")),
          name + "/claims.csv differs from the verdicts its runs give");
    }
  }
}
