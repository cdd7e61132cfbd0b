package org.optbench.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tells the HTML pages optbench wrote from everyone else's, so that a page is only ever replaced
 * by optbench when optbench wrote it: every page it writes carries {@link #MARK} in its head.
 */
public final class GeneratedPages {

  /** The line in the head of every page optbench writes. */
  public static final String MARK = "<meta name=\"generator\" content=\"optbench\">";

  /** How much of a page is searched for the mark: the mark sits in the first lines. */
  private static final int HEAD_BYTES = 4096;

  /**
   * Titles of the pages optbench wrote before the mark existed (report, list of reports,
   * comparison), so that reports built by earlier versions are still rebuilt in place.
   */
  private static final String[] EARLIER_TITLES = {
    " optbench report</title>", "<title>optbench reports</title>", ": comparison with baseline</title>"
  };

  private GeneratedPages() {}

  /** Whether the file at {@code page} is an HTML page optbench wrote. */
  public static boolean isOptbenchPage(Path page) throws IOException {
    String head;
    try (InputStream in = Files.newInputStream(page)) {
      head = new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8);
    }
    if (head.contains(MARK)) {
      return true;
    }
    for (String title : EARLIER_TITLES) {
      if (head.contains(title)) {
        return true;
      }
    }
    return false;
  }

  /**
   * What stops optbench from writing its page to {@code page}, or empty when nothing is there or
   * the page there is optbench's own.
   */
  public static Optional<String> replaceProblem(Path page) {
    if (!Files.exists(page, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    Optional<String> notAFile = OutputLocations.fileProblem(page);
    if (notAFile.isPresent()) {
      return notAFile;
    }
    try {
      if (isOptbenchPage(page)) {
        return Optional.empty();
      }
    } catch (IOException unreadable) {
      return Optional.of(page + " cannot be read (" + unreadable.getMessage() + "), so optbench"
          + " cannot tell whether it wrote it; move it or choose another folder");
    }
    return Optional.of(page + " was not written by optbench, which will not replace it; move it"
        + " or choose another folder");
  }
}
