#!/usr/bin/env bash
# Runs presets of the mlp kind end to end (in-memory run context) and prints wall time, the preset's reference
# values next to the measured ones, and the main first-layer series at the last probe.
#   bench/mlp-presets.sh [preset-id ...]      (none: quick)
# Builds into target-bench/ so that it never disturbs target/.
set -euo pipefail
cd "$(dirname "$0")/.."
build=target-bench
mvn -q -Dbuild.dir="$build" test-compile
mvn -q -Dbuild.dir="$build" dependency:build-classpath -Dmdep.outputFile="$build/bench.classpath"
java -Xmx3g ${FACTLAB_CPU_THREADS:+-Dfactlab.cpu-threads=$FACTLAB_CPU_THREADS} \
    -cp "$build/test-classes:$build/classes:$(cat "$build/bench.classpath")" \
    org.factlab.bench.MlpPresetsBenchmark "$@" 2>&1 | grep -v -E '^\s*$|INFO|GCC|STD version|DEFAULT_ENGINE|HAVE_'
