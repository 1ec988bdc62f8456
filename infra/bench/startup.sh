#!/usr/bin/env bash
# Time from `java -jar` to a ready service (readiness UP) on the embedded database: once on an
# empty data folder (initdb + migrations), then twice on the kept data. Build the jar first:
#   ./mvnw package -DskipTests && infra/bench/startup.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar=$(ls "$root"/backend/target/urban-order-backend-*.jar | head -n 1)
port=${PORT:-8093}
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2> /dev/null; rm -rf "$work"' EXIT
cd "$work"
for run in empty-data-folder kept-data kept-data; do
  start=$(date +%s%N)
  java -jar "$jar" --server.port="$port" --spring.profiles.active=demo > "$work/$run.log" 2>&1 &
  pid=$!
  until curl -sf "localhost:$port/actuator/health/readiness" > /dev/null; do
    kill -0 "$pid" 2> /dev/null || { echo "service exited; see log:"; tail -20 "$work/$run.log"; exit 1; }
    sleep 0.1
  done
  echo "$run: $(( ($(date +%s%N) - start) / 1000000 )) ms to ready"
  kill "$pid"; wait "$pid" || true
  pid=""
done
