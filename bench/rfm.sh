#!/usr/bin/env bash
# Seconds per RFM iteration (kernel, Cholesky solve, NFA / FACT update) at d = 50 and n = 1000, 5000,
# 10000 in float64 and float32, each as a ratio to its FLOP floor. Arguments replace the list of n.
# Builds into target-bench/ so that it never disturbs target/.
set -euo pipefail
cd "$(dirname "$0")/.."
build=target-bench
mvn -q -Dbuild.dir="$build" test-compile
mvn -q -Dbuild.dir="$build" dependency:build-classpath -Dmdep.outputFile="$build/bench.classpath"
# n = 10000 float64 holds three 800 MB n×n buffers off-heap
java --add-modules jdk.incubator.vector -Xmx2g -Dfactlab.cpu-threads="${FACTLAB_CPU_THREADS:-1}" -Dorg.bytedeco.javacpp.maxbytes=12g -Dorg.bytedeco.javacpp.maxphysicalbytes=16g \
    -cp "$build/test-classes:$build/classes:$(cat "$build/bench.classpath")" \
    org.factlab.bench.RfmIterationBenchmark "$@" 2>&1 | grep -v -E '^\s*$|INFO|GCC|STD version|DEFAULT_ENGINE|HAVE_'
