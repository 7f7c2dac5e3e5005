#!/usr/bin/env bash
# GPU device check: builds FACT Lab with the cuda profile, runs the ND4J workloads (org.factlab.bench.DeviceCheck:
# RFM presets of the parity and modular kinds) once on the CPU backend and once on the GPU backend, and prints
# one table: workload, CPU time, GPU time, speed-up, and whether the final metrics agree.
#   bench/device-check.sh [kind/preset ...]     (needs Java 17, Maven, an NVIDIA driver; no system CUDA)
# Agreement: |cpu − gpu| ≤ TOL·max(1, |cpu|) for every compared series (TOL defaults to 1e-3; float32 runs
# differ more than float64 ones).
set -euo pipefail
cd "$(dirname "$0")/.."
build=target-device
tol="${TOL:-1e-3}"
mvn -q -Pcuda -Dbuild.dir="$build" test-compile
mvn -q -Pcuda -Dbuild.dir="$build" dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$build/device.classpath"
cp="$build/test-classes:$build/classes:$(cat "$build/device.classpath")"
nvidia-smi --query-gpu=name,memory.total,driver_version,compute_cap --format=csv || echo "nvidia-smi: no GPU visible"
run() { # $1 = cpu|gpu
    local cpu_priority=100 gpu_priority=0
    [ "$1" = gpu ] && cpu_priority=0 && gpu_priority=100
    BACKEND_PRIORITY_CPU=$cpu_priority BACKEND_PRIORITY_GPU=$gpu_priority \
        java --add-modules jdk.incubator.vector -Xmx8g -cp "$cp" org.factlab.bench.DeviceCheck "${@:2}" 2>/dev/null | grep -E '^(BACKEND|RESULT) ' \
        > "$build/$1.txt"
}
run cpu "$@"
run gpu "$@"
grep BACKEND "$build/cpu.txt" "$build/gpu.txt"
if ! grep -q "GPU" "$build/gpu.txt"; then
    echo "WARNING: the GPU run did not load the CUDA backend; both columns are CPU times" >&2
fi
awk -v tol="$tol" '
    FNR == NR && $1 == "RESULT" { cpu_s[$2] = $3; for (i = 4; i <= NF; i++) cpu_m[$2, i] = $i; next }
    $1 == "RESULT" {
        agree = "yes"
        for (i = 4; i <= NF; i++) {
            split(cpu_m[$2, i], c, "="); split($i, g, "=")
            d = c[2] - g[2]; if (d < 0) d = -d
            m = c[2] < 0 ? -c[2] : c[2]; if (m < 1) m = 1
            if (c[1] != g[1] || d > tol * m) agree = "NO (" g[1] ": " c[2] " vs " g[2] ")"
        }
        printf "| %s | %.2f | %.2f | %.1f× | %s |\n", $2, cpu_s[$2], $3, cpu_s[$2] / $3, agree
    }
    BEGIN { print "| workload | CPU s | GPU s | speed-up | metrics agree |"; print "|---|---|---|---|---|" }
' "$build/cpu.txt" "$build/gpu.txt"
