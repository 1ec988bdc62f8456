#!/usr/bin/env bash
# Point-in-zone lookup benchmark (JMH): deciding one report's zone, segment and unit against a
# ward of 100 and of 10,000 zones. Prints JMH's sample-time table: p0.50 is the median.
# Usage: infra/bench/zones/run.sh [extra JMH options, e.g. -f 2]
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
classpath_file=$(mktemp)
trap 'rm -f "$classpath_file"' EXIT
# The backend is built last, so its classpath is the one left in the file.
./mvnw -q -B test-compile dependency:build-classpath -pl backend -am -Dmdep.includeScope=test \
  -Dmdep.outputFile="$classpath_file" > /dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
java -cp "backend/target/test-classes:backend/target/classes:$(cat "$classpath_file")" \
  org.openjdk.jmh.Main 'vn.urbanorder.assignment.ZoneLookupBenchmark' "$@"
