#!/usr/bin/env bash
# Benchmarks that print a ratio measured in one run (robust to a shared machine):
#   scripts/bench.sh harness [PAIRS]   optbench's training run vs a bare DJL loop, same MLP
#   scripts/bench.sh adam [PAIRS] [STEPS]   engine-side (torch-semantics) Adam vs DJL's built-in
#   scripts/bench.sh torch [PAIRS] [STEPS]  djl engine step vs a plain PyTorch eager loop, and page
#                                           faults per step (tools/bench/djl_vs_torch.py; PYTHON
#                                           names an interpreter with torch, default python3)
#   scripts/bench.sh engine-probe           the JVM side of that comparison (reads run requests)
#   scripts/bench.sh report [STEPS] [REPEATS]  report build time for a synthetic 500-run grid
#   scripts/bench.sh report-open [REPEATS] [PAGE]  how fast that report (or PAGE) opens in a cold headless Chromium
#   scripts/bench.sh workers SPEC [PAIRS] [K]  cells/hour of run --workers K vs a serial run
#   scripts/bench.sh adafactor [ROUNDS] [BASELINE_CLASSES]  native Adafactor (both variants) vs native
#                                           Adam, ns/param at 1e6, 1e7; with another build's classes
#                                           folder, that build's Adafactors timed in the same rounds
#   scripts/bench.sh overhead [PAIRS] [JAR...]  quickstart: training share of wall time, cost per cell outside training
#   scripts/bench.sh report-1g [STEPS] [REPEATS]  the report build of `report` with a 1 GB heap
#   scripts/bench.sh all [--pairs N] [--python PY] [--baseline-jar JAR]  every figure above, each
#                                           against its target, one table at the end (tools/bench/all.py)
# JMH benchmarks: scripts/jmh.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = torch ]; then
  shift
  exec "${PYTHON:-python3}" tools/bench/djl_vs_torch.py --pairs "${1:-7}" --steps "${2:-330}"
fi
if [ "${1:-}" = workers ]; then
  shift
  exec scripts/bench-workers.sh "$@"
fi
if [ "${1:-}" = all ]; then
  shift
  exec python3 tools/bench/all.py "$@"
fi
if [ "${1:-}" = overhead ]; then
  shift
  exec python3 tools/bench/run_overhead.py "$@"
fi
mvn -q -B test-compile
cp_file=target/jmh-classpath.txt
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
run() {
  java -Dai.djl.offline=true -DOPT_OUT_TRACKING=true -Dai.djl.pytorch.num_threads=1 \
    -Xms512m -Xmx512m -cp "target/test-classes:target/classes:$(cat "$cp_file")" "$@"
}
case "${1:-}" in
  harness) shift; run org.optbench.engine.djl.HarnessOverheadComparison "$@" ;;
  adam) shift; run org.optbench.engine.djl.AdamStepComparison "$@" ;;
  engine-probe) shift; run org.optbench.engine.djl.EngineStepProbe "$@" ;;
  report) shift; java -Xmx4g -cp "target/test-classes:target/classes:$(cat "$cp_file")" \
    org.optbench.bench.ReportScale "$@" ;;
  report-1g) shift; java -Xmx1g -cp "target/test-classes:target/classes:$(cat "$cp_file")" \
    org.optbench.bench.ReportScale "$@" ;;
  adafactor) shift; java -Xmx2g -cp "target/test-classes:target/classes:$(cat "$cp_file")" \
    org.optbench.bench.AdafactorVsAdamComparison "$@" ;;
  report-open) shift; java -Xmx4g -cp "target/test-classes:target/classes:$(cat "$cp_file")" \
    org.optbench.bench.ReportOpen "$@" ;;
  *) echo "usage: scripts/bench.sh harness [PAIRS] | adam [PAIRS] [STEPS] | torch [PAIRS] [STEPS] | engine-probe | report [STEPS] [REPEATS] | report-1g [STEPS] [REPEATS] | all [OPTIONS] | report-open [REPEATS] | adafactor [ROUNDS] [BASELINE_CLASSES] | workers SPEC [PAIRS] [K] | overhead [PAIRS] [JAR...]" >&2
     exit 2 ;;
esac
