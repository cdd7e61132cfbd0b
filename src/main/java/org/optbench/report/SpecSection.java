package org.optbench.report;

/** The spec exactly as written, from the manifest. */
final class SpecSection implements ReportSection {

  @Override
  public String id() {
    return "spec";
  }

  @Override
  public String title() {
    return "Spec";
  }

  @Override
  public String html(ReportContext context) {
    return "<pre class=\"spec\">"
        + Html.escape(context.results().manifest().specText())
        + "</pre>\n";
  }
}
