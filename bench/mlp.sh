#!/usr/bin/env bash
# Seconds per training epoch and per full probe of the Table 2 configuration (MNIST n = 1000, depth 3,
# width 1024, batch 64), each as a ratio to its FLOP floor at the GEMM rates measured in the same process.
#   bench/mlp.sh [n] [width]
# Builds into target-bench/ so that it never disturbs target/.
set -euo pipefail
cd "$(dirname "$0")/.."
build=target-bench
mvn -q -Dbuild.dir="$build" test-compile
mvn -q -Dbuild.dir="$build" dependency:build-classpath -Dmdep.outputFile="$build/bench.classpath"
java -Xmx2g ${FACTLAB_CPU_THREADS:+-Dfactlab.cpu-threads=$FACTLAB_CPU_THREADS} -cp "$build/test-classes:$build/classes:$(cat "$build/bench.classpath")" \
    org.factlab.bench.MlpBenchmark "$@" 2>&1 | grep -v -E '^\s*$|INFO|GCC|STD version|DEFAULT_ENGINE|HAVE_'
