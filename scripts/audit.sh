#!/usr/bin/env bash
# Bad-input audit: runs every case of the fuzz corpus (src/test/java/org/optbench/fuzz: malformed
# specs, replay files and damaged result folders) through the commands that read it, each in its
# own JVM with a time limit, against a built jar, and prints per category: (case, command) pairs,
# clean exit 2 (one message, nothing written), stack traces, files written, hangs.
#
#   scripts/audit.sh [JAR] [JOBS] [TIMEOUT_SECONDS] [CATEGORY_PREFIX]
#                                   default: target/optbench.jar 2 30, every category
#
# Details of every pair that did not end cleanly: target/audit-details.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
jar="${1:-target/optbench.jar}"
[ -f target/optbench.jar ] || mvn -q -B -ntp package -DskipTests
mvn -q -B -ntp test-compile
exec java -cp "target/test-classes:target/classes:target/lib/*" org.optbench.fuzz.Audit "$jar" "${2:-2}" "${3:-30}" "${4:-}"
