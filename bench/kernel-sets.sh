#!/usr/bin/env bash
# Runs mlp:quick, parity:fig5-k2 and modular:quick (or the kind:preset pairs given) once with the OpenBLAS kernel set
# the CPU chooses (OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset in that command only) and once under each kernel set
# named in KERNEL_SETS (default: Haswell SkylakeX), then prints the largest relative difference of every value
# against the first run. By hand only: tests and CI never set these variables.
#   bench/kernel-sets.sh [kind:preset ...]
# Builds into target-bench/ so that it never disturbs target/.
set -euo pipefail
cd "$(dirname "$0")/.."
build=target-bench
mvn -q -Dbuild.dir="$build" test-compile
mvn -q -Dbuild.dir="$build" dependency:build-classpath -Dmdep.outputFile="$build/bench.classpath"
out="$build/kernel-sets"
mkdir -p "$out"
java_cmd=(java -Xmx3g -cp "$build/test-classes:$build/classes:$(cat "$build/bench.classpath")"
    org.factlab.bench.KernelSetsBenchmark "$@")
quiet() { grep -v -E '^\s*$|INFO|GCC|STD version|DEFAULT_ENGINE|HAVE_' || true; }
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "${java_cmd[@]}" 2>&1 | quiet > "$out/chosen.txt"
for set in ${KERNEL_SETS:-Haswell SkylakeX}; do
    env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE="$set" "${java_cmd[@]}" 2>&1 | quiet > "$out/$set.txt"
done
python3 - "$out" ${KERNEL_SETS:-Haswell SkylakeX} <<'PY'
import sys
out, sets = sys.argv[1], sys.argv[2:]
def read(name):
    lines = open(f"{out}/{name}.txt").read().splitlines()
    values, heads = {}, [l for l in lines if l.startswith("#") or " outcome " in l]
    for l in lines:
        parts = l.rsplit(" ", 1)
        if not l.startswith("#") and " outcome " not in l and len(parts) == 2:
            try:
                values[parts[0]] = float(parts[1])
            except ValueError:
                pass
    return heads, values
base_heads, base = read("chosen")
print("chosen by the CPU:", *base_heads, sep="\n  ")
for s in sets:
    heads, values = read(s)
    worst, key = 0.0, None
    for k, v in base.items():
        w = values.get(k, float("nan"))
        d = abs(w - v) / max(abs(v), 1e-12) if w == w else float("inf")
        if d > worst or d != d:
            worst, key = d, k
    print(f"OPENBLAS_CORETYPE={s}:", *heads, sep="\n  ")
    print(f"  largest relative difference from the chosen kernels: {worst:.3g} ({key}); "
          f"{len(base)} values, {len(set(base) ^ set(values))} present in only one run")
    for k in ("mlp:quick last layer1/sqrt_agop/cosine", "parity:fig5-k2 last test/accuracy",
              "modular:quick last test/accuracy"):
        if k in base:
            print(f"  {k}: chosen {base[k]:.6g}, {s} {values.get(k, float('nan')):.6g}")
PY
