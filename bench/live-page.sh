#!/usr/bin/env bash
# The run page's live budget in headless Chromium (org.factlab.bench.LivePageBenchmark): the longest main-thread
# task while an mlp `quick` run streams (up to [seconds], default 60) and the time from the Launch click to the
# first curve point. Needs /usr/bin/chromium and /usr/bin/chromedriver.
#   bench/live-page.sh [seconds]
# Builds into target-bench/ so that it never disturbs target/.
set -euo pipefail
cd "$(dirname "$0")/.."
build=target-bench
mvn -q -Dbuild.dir="$build" test-compile
mvn -q -Dbuild.dir="$build" dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$build/bench-test.classpath"
java -Xmx3g -cp "$build/test-classes:$build/classes:$(cat "$build/bench-test.classpath")" \
    org.factlab.bench.LivePageBenchmark "$@" 2>&1 | grep -E 'run page|long tasks|first curve|load average'
