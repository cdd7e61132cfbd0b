#!/usr/bin/env bash
# The nightly regression check: build, run experiments/nightly.yaml, replay every conformance
# vector, and compare the results with the committed baseline.
#
#   scripts/nightly.sh                 # exit 1 on a regression or a failed replay check
#   NIGHTLY_SHARD=0/4 scripts/nightly.sh --run-only   # one shard, no comparison (CI matrix)
#
# Results land in results/nightly/, the comparison report in reports/nightly/compare/index.html.
set -euo pipefail
cd "$(dirname "$0")/.."

RUN_ONLY=false
[ "${1:-}" = "--run-only" ] && RUN_ONLY=true
OUT="${NIGHTLY_OUT:-results}"
SHARD_ARGS=()
[ -n "${NIGHTLY_SHARD:-}" ] && SHARD_ARGS=(--shard "$NIGHTLY_SHARD")

if [ ! -f target/optbench.jar ] || [ "${NIGHTLY_BUILD:-true}" = true ]; then
  mvn -B -ntp -q package -DskipTests
fi
optbench() { java -jar target/optbench.jar "$@"; }

start=$(date +%s)
optbench run experiments/nightly.yaml --out "$OUT" --progress lines --threads 1 \
  --workers "${NIGHTLY_WORKERS:-1}" "${SHARD_ARGS[@]}"
echo "nightly grid: $(( $(date +%s) - start )) s"
$RUN_ONLY && exit 0

# Conformance replay on both engines; djl is skipped while this build registers no djl replay.
status=0
for engine in native djl; do
  code=0
  optbench replay --engine "$engine" --check src/test/resources/golden/*.json \
    > "$OUT/replay-$engine.jsonl" 2> "$OUT/replay-$engine.log" || code=$?
  if [ "$code" = 0 ]; then
    echo "replay --engine $engine: every golden vector within tolerance"
  elif grep -q "replay is not available in this build" "$OUT/replay-$engine.log"; then
    echo "replay --engine $engine: not available in this build, skipped"
  else
    echo "replay --engine $engine: FAILED (exit $code), see $OUT/replay-$engine.log" >&2
    status=1
  fi
done

optbench compare --baseline results/baselines/nightly --current "$OUT/nightly" \
  --report reports/nightly/compare || status=1
echo "nightly total: $(( $(date +%s) - start )) s"
exit $status
