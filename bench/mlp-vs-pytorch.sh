#!/usr/bin/env bash
# One training epoch of FACT Lab's MLP trainer against PyTorch (Debian's python3-torch) on the same workloads,
# one thread each (needs libopenblas0-pthread so that Debian's torch runs on OpenBLAS), interleaved: ROUNDS rounds of (FACT Lab, PyTorch), each the best of EPOCHS epochs per row; the
# table shows the best over all rounds and the ratio FACT Lab / PyTorch, of the wall time and of the training
# thread's CPU time (the fair measure on a loaded machine, where a one-thread run gets a fraction of a core), with the load
# average before and after. "GEMM floor" is the epoch's GEMMs alone on the same BLAS and thread: floor / PyTorch is the
# lowest ratio any trainer computing those products could reach.
#   bench/mlp-vs-pytorch.sh [rounds] [epochs] [rows]      (defaults: 3 5 abc)
# Builds into target-bench/ so that it never disturbs target/. Rows: see MlpVsPyTorchBenchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
epochs=${2:-5}
rows=${3:-abc}
python=/usr/bin/python3
build=target-bench
mvn -q -Dbuild.dir="$build" test-compile
mvn -q -Dbuild.dir="$build" dependency:build-classpath -Dmdep.outputFile="$build/bench.classpath"
has_torch=true
"$python" -c 'import torch' 2>/dev/null || { has_torch=false; echo "# python3-torch not installed: FACT Lab only"; }
# Debian's torch calls the system libblas.so.3: without libopenblas0 that is the reference BLAS, ~10× slower
if $has_torch && ! readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 | grep -q openblas; then
    echo "# WARNING: libblas.so.3 is not OpenBLAS (apt-get install libopenblas0-pthread): PyTorch runs on the reference BLAS"
fi
out=$(mktemp)
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$rounds"); do
    java -Xmx2g -Dfactlab.cpu-threads="${FACTLAB_CPU_THREADS:-1}" \
        -cp "$build/test-classes:$build/classes:$(cat "$build/bench.classpath")" \
        org.factlab.bench.MlpVsPyTorchBenchmark "$epochs" "$rows" 2>&1 | grep -E '^(row|#)' | tee -a "$out"
    if $has_torch; then
        OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 "$python" bench/mlp_vs_pytorch.py "$epochs" "$rows" | tee -a "$out"
    fi
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk '
    $1 == "row" {
        key = $2 " " $3
        if (!(key in wall) || $4 < wall[key]) wall[key] = $4
        if (!(key in cpu) || $5 < cpu[key]) cpu[key] = $5
        ids[$2] = 1
    }
    function cell(v) { return v == "" ? "–" : sprintf("%.4f", v) }
    function ratio(f, p) { return p == "" ? "–" : sprintf("%.2f", f / p) }
    END {
        names["a"] = "Table 2: 784→1024→1024→10 ReLU, n = 1000, batch 64, heavy ball, coupled L2, cosine"
        names["b"] = "Figure 11: deep linear 10→512→5, n = 5000, batch 128, plain SGD, coupled L2"
        names["c"] = "784→1024×5→10 ReLU (5 hidden layers), n = 1000, batch 128, heavy ball, coupled L2, cosine"
        print "| workload (one training epoch, one thread) | FACT Lab wall s | PyTorch wall s | ratio | FACT Lab CPU s | PyTorch CPU s | ratio | GEMM floor CPU s | floor / PyTorch |"
        print "|---|---|---|---|---|---|---|---|---|"
        n = split("a b c", order, " ")
        for (i = 1; i <= n; i++) {
            id = order[i]
            if (!(id in ids)) continue
            fw = wall[id " factlab"]; pw = wall[id " pytorch"]; fc = cpu[id " factlab"]; pc = cpu[id " pytorch"]
            gc = cpu[id " gemm-floor"]
            printf "| (%s) %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", id, names[id], cell(fw), cell(pw),
                ratio(fw, pw), cell(fc), cell(pc), ratio(fc, pc), cell(gc), ratio(gc, pc)
        }
    }' "$out"
rm -f "$out"
