#!/usr/bin/env bash
# Reruns every reproduction (experiments/repro_*.yaml) with two worker processes, then regenerates
# docs/verdicts.md from the result sets. Prints each spec's wall time and the total as a Markdown
# table at the end.
#
#   scripts/reproduce.sh [--out DIR] [SPEC...]
#
# --out DIR  where the result sets go (default results/reproductions, the committed summaries;
#            a spec whose folder already holds its runs reuses them, so delete a folder to retrain
#            it). docs/verdicts.md is regenerated only for the default folder.
# SPEC...    only these specs (default: all of experiments/repro_*.yaml)
set -euo pipefail
cd "$(dirname "$0")/.."
out=results/reproductions
if [ "${1:-}" = --out ]; then
  out=$2
  shift 2
fi
specs=("$@")
if [ ${#specs[@]} -eq 0 ]; then
  specs=(experiments/repro_*.yaml)
fi
jar=target/optbench.jar
if [ ! -f "$jar" ]; then
  mvn -q -B package -DskipTests
fi
times=()
total_start=$(date +%s)
for spec in "${specs[@]}"; do
  start=$(date +%s)
  java -jar "$jar" run "$spec" --out "$out" --reports reports/reproductions --workers 2 --progress lines
  times+=("| \`$(basename "$spec" .yaml)\` | $(( $(date +%s) - start )) s |")
done
if [ "$out" = results/reproductions ]; then
  # One summary per shipped spec, in spec order (CommittedReproductionsTest checks the same).
  sets=()
  for spec in experiments/repro_*.yaml; do
    sets+=("results/reproductions/$(basename "$spec" .yaml)")
  done
  java -jar "$jar" claims "${sets[@]}" --markdown docs/verdicts.md >/dev/null
fi
echo
echo "| spec | wall time (--workers 2) |"
echo "| --- | --- |"
printf '%s\n' "${times[@]}"
echo "| all | $(( $(date +%s) - total_start )) s |"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
