#!/usr/bin/env bash
# Times 10^6 Adam steps of the Figure 4 quadratic network (budget 60 s on one core) and runs every
# quadratic preset end to end. Builds into target-bench/ so that it never disturbs target/.
set -euo pipefail
cd "$(dirname "$0")/.."
build=target-bench
mvn -q -Dbuild.dir="$build" test-compile
mvn -q -Dbuild.dir="$build" dependency:build-classpath -Dmdep.outputFile="$build/bench.classpath"
pin=()
if command -v taskset >/dev/null; then
    pin=(taskset -c 0)   # one core, as the budget says
fi
"${pin[@]}" java -cp "$build/test-classes:$build/classes:$(cat "$build/bench.classpath")" \
    org.factlab.bench.QuadraticAdamBenchmark "$@"
