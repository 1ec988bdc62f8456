#!/usr/bin/env bash
# The field app's first load on slow connections (issue 19, docs/benchmarks.md): the bytes a phone
# downloads to reach the sign-in form (budget 250 KB, compressed, asserted) and the time until the
# form can be typed in (goal 3 s on slow 3G, measured, not asserted), in headless Chromium throttled
# by DevTools: WebPageTest's "3G Slow" (400 kbit/s, 400 ms per request) and DevTools' own "Slow 3G"
# (400 kbit/s, 2,000 ms per request). Then the same page opened again, from the service worker.
#
#   infra/bench/field-app/run.sh [runs]      # default 3 runs; needs /usr/bin/chromium
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs=${1:-3}
results=backend/target/benchmarks/field-app-load.txt
rm -f "$results"
for run in $(seq 1 "$runs"); do
  ./mvnw -B -q -o -pl backend -am verify -Dit.test=FieldAppLoadBrowserTests -Dtest=NONE \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dspotless.check.skip=true > /dev/null
done
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(chromium --version 2>/dev/null)"
cat "$results"
