package org.optbench.report;

import java.io.IOException;

/**
 * One section of a report page. {@link ReportBuilder#SECTIONS} lists them in page order; a section
 * that does not apply to a result set (no claims, no language-model samples) is left out of the page
 * and its table of contents.
 *
 * <p>A section writes HTML with {@link Html#escape} around every string from a spec or a result,
 * registers its tables through {@link ReportContext#table} (which also exports them as CSV, LaTeX
 * and Markdown) and draws charts with {@link Chart}, whose ids must be unique on the page.
 */
public interface ReportSection {

  /** The section's element id, e.g. {@code memory}: stable, so that links and papers can use it. */
  String id();

  /** The heading, e.g. {@code Memory}. */
  String title();

  /** Whether the result set has anything for this section. */
  default boolean appliesTo(ReportContext context) {
    return true;
  }

  /** The section's body, without its {@code <section>} element and heading. */
  String html(ReportContext context) throws IOException;
}
