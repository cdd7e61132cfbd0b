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
