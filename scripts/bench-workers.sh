#!/usr/bin/env bash
# Cells/hour of `run --workers K` against a serial run (`--workers 1`), measured in one invocation:
# the two alternate PAIRS times (A B, B A, ...) so that load from other users of the machine falls on
# both alike, each in a fresh results folder with --force, so nothing is reused. Wall time is the
# whole command: JVM starts, engine loads, training, publishing and the report. CPU time (user +
# system, children included) shows what working in parallel adds, and CPU / wall the cores a run
# actually got: near 1 for --workers K means the machine had no second core to give.
#   scripts/bench.sh workers SPEC [PAIRS] [K]      (needs target/optbench.jar: mvn package)
set -euo pipefail
cd "$(dirname "$0")/.."
spec=${1:?usage: scripts/bench.sh workers SPEC [PAIRS] [K]}
pairs=${2:-2}
workers=${3:-2}
jar=target/optbench.jar
[ -f "$jar" ] || { echo "no $jar; build it with mvn package -DskipTests" >&2; exit 2; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export OPT_OUT_TRACKING=true
optbench() { java -Dai.djl.offline=true -jar "$jar" "$@"; }

# Runs the spec with --workers $1 in a fresh folder; prints wall and CPU seconds.
timed() {
  local TIMEFORMAT='%R %U %S'
  rm -rf "$scratch/run"
  { time optbench run "$spec" --force --no-progress --workers "$1" --out "$scratch/run/results" \
      --reports "$scratch/run/reports" >"$scratch/log" 2>&1; } 2>"$scratch/time" \
    || { cat "$scratch/log" >&2; exit 1; }
  awk '{printf "%.2f %.2f", $1, $2 + $3}' "$scratch/time"
}

median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

cells=$(optbench validate "$spec" | sed -n "s/.*', \([0-9,]*\) runs .*/\1/p" | tr -d ,)
: >"$scratch/serial"
: >"$scratch/parallel"
for ((i = 1; i <= pairs; i++)); do
  if ((i % 2)); then
    s=$(timed 1); p=$(timed "$workers")
  else
    p=$(timed "$workers"); s=$(timed 1)
  fi
  echo "$s" >>"$scratch/serial"
  echo "$p" >>"$scratch/parallel"
  awk -v i="$i" -v k="$workers" -v s="$s" -v p="$p" 'BEGIN {
    split(s, a, " "); split(p, b, " ")
    printf "pair %d: --workers 1 %.1f s (cpu %.1f s), --workers %d %.1f s (cpu %.1f s), ratio %.2f\n",
      i, a[1], a[2], k, b[1], b[2], a[1] / b[1]}'
done
sw=$(cut -d' ' -f1 "$scratch/serial" | median); sc=$(cut -d' ' -f2 "$scratch/serial" | median)
pw=$(cut -d' ' -f1 "$scratch/parallel" | median); pc=$(cut -d' ' -f2 "$scratch/parallel" | median)
awk -v spec="$spec" -v n="$cells" -v k="$workers" -v sw="$sw" -v sc="$sc" -v pw="$pw" -v pc="$pc" 'BEGIN {
  printf "%s, %d cells, medians:\n", spec, n
  printf "  --workers 1: %.1f s, %.0f cells/hour, cpu %.1f s (%.2f cores)\n", sw, n * 3600 / sw, sc, sc / sw
  printf "  --workers %d: %.1f s, %.0f cells/hour, cpu %.1f s (%.2f cores)\n", k, pw, n * 3600 / pw, pc, pc / pw
  printf "  speed-up %.2fx; cpu added by working in parallel %+.1f s\n", sw / pw, pc - sc}'
