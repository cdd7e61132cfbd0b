package org.optbench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Corpus split, vocabulary and next-token windows, checked on strings small enough to read. */
class TextSplitTest {

  @Test
  void splitsIntoContiguousBlocksWithoutOverlap() {
    String text = "abcdefghij".repeat(10); // 100 characters
    TextSplit split = TextSplit.of(text, 0.2);

    assertEquals(80, split.train().length);
    assertEquals(20, split.eval().length);
    // Decoded, the two blocks are the first 80 and the last 20 characters: together the text, no
    // character in both.
    assertEquals(text.substring(0, 80), split.vocabulary().decode(split.train()));
    assertEquals(text.substring(80), split.vocabulary().decode(split.eval()));
  }

  @Test
  void vocabularyComesFromTrainingTextOnly() {
    TextSplit split = TextSplit.of("aabbaabbaz", 0.1); // 'z' is only in the held-out block
    // ids: 0 unknown, 1 'a', 2 'b'
    assertEquals(3, split.vocabulary().size());
    assertArrayEquals(new int[] {CharVocabulary.UNKNOWN}, split.eval());
    assertArrayEquals(new int[] {1, 1, 2, 2, 1, 1, 2, 2, 1}, split.train());
  }

  @Test
  void windowsPredictTheNextCharacter() {
    TextSplit split = TextSplit.of("abcdefghijklmnopqrst", 0.5); // train "abcdefghij"
    DataSplit windows = split.windows(3, 1);
    TabularData train = windows.train();
    // (10 − 1) / 3 = 3 rows: abc→bcd, def→efg, ghi→hij
    assertEquals(3, train.rows());
    assertEquals("abcdefghi", decode(split, train.x()));
    assertEquals("bcdefghij", decode(split, train.y()));
    assertEquals(1, windows.eval().rows());
  }

  @Test
  void shortTextIsReportedAsUnavailableData() {
    TextSplit split = TextSplit.of("abcdef", 0.5);
    DatasetUnavailableException e =
        assertThrows(DatasetUnavailableException.class, () -> split.windows(8, 4));
    assertTrue(e.getMessage().contains("shorter seq_len"), e.getMessage());
  }

  @Test
  void aCorpusTooShortForOneBatchIsReportedWhenTheWorkloadIsMade() {
    // 11 training characters make (11 − 1) / 2 = 5 windows of 2 + 1: one batch of 5, not of 6;
    // the 4 held-out ones make one.
    TextSplit split = TextSplit.of("abcdefghijklmno", 4.0 / 15);
    split.requireWindows(2, 5, 1);

    DatasetUnavailableException e =
        assertThrows(DatasetUnavailableException.class, () -> split.requireWindows(2, 6, 1));
    assertEquals("the training text (the corpus's first 11 characters) makes 5 windows of"
        + " seq_len 2 + 1 characters, fewer than one batch of batch_size 6; use a longer corpus,"
        + " a shorter seq_len or a smaller batch_size", e.getMessage());
  }

  @Test
  void moreEvalWindowsThanTheHeldOutTextHasAreReported() {
    // 4 held-out characters make (4 − 1) / 2 = 1 window of 2 + 1; asking for 2 is an error.
    TextSplit split = TextSplit.of("abcdefghijklmno", 4.0 / 15);
    split.requireWindows(2, 5, 1);
    DatasetUnavailableException e =
        assertThrows(DatasetUnavailableException.class, () -> split.requireWindows(2, 5, 2));
    assertEquals("eval_windows 2 asks for more held-out windows than the held-out text has (1"
        + " windows of seq_len 2 + 1 characters); lower eval_windows or raise eval_fraction",
        e.getMessage());
  }

  @Test
  void aHeldOutBlockShorterThanOneWindowIsReported() {
    // The last character is held out: no window of 2 + 1 fits in it.
    TextSplit split = TextSplit.of("abcdefghijkl", 1.0 / 12);

    DatasetUnavailableException e =
        assertThrows(DatasetUnavailableException.class, () -> split.requireWindows(2, 1, 1));
    assertTrue(e.getMessage().startsWith("the held-out text (the corpus's last 1 characters) is"
        + " shorter than one window"), e.getMessage());
  }

  @Test
  void corpusSizeIsKnownWithoutReadingIt(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("c.txt");
    java.nio.file.Files.writeString(file, "héllo"); // é is two bytes in UTF-8
    assertEquals(6, TextCorpus.bytes(file.toString(), "corpus"));
    assertEquals(TextCorpus.load(TextCorpus.BUILTIN, "corpus")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
        TextCorpus.bytes(TextCorpus.BUILTIN, "corpus"));
  }

  @Test
  void builtInCorpusIsPrideAndPrejudice() {
    String text = TextCorpus.load(TextCorpus.BUILTIN, "corpus");
    assertTrue(text.startsWith("PRIDE AND PREJUDICE"));
    assertTrue(text.contains("It is a truth universally acknowledged"));
    assertTrue(text.length() < 1_000_000);
  }

  @Test
  void missingCorpusFileNamesPathAndField() {
    DatasetUnavailableException e =
        assertThrows(DatasetUnavailableException.class,
            () -> TextCorpus.load("no/such/file.txt", "corpus"));
    assertTrue(e.getMessage().contains(Path.of("no/such/file.txt").toAbsolutePath().toString()));
    assertTrue(e.getMessage().contains("'corpus'"));
  }

  private static String decode(TextSplit split, float[] ids) {
    int[] tokens = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      tokens[i] = (int) ids[i];
    }
    return split.vocabulary().decode(tokens);
  }
}
