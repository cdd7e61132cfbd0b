#!/usr/bin/env bash
# Runs the JMH benchmarks of src/jmh/java with any JMH arguments passed through, e.g.
#   scripts/jmh.sh -wi 2 -i 3 -f 1 -prof gc -rf json -rff target/jmh.json
#   scripts/jmh.sh OptimizerStepBenchmark -p optimizer=adam -p size=10000000
# Builds the test classes (where the benchmarks compile) offline first.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
cp_file=target/jmh-classpath.txt
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
exec java -Dai.djl.offline=true -DOPT_OUT_TRACKING=true \
  -cp "target/test-classes:target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main "$@"
