package org.factlab.ui.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factlab.runs.compare.FieldText;
import org.factlab.ui.study.StudyCells;

/**
 * The system page's rows from {@code ComputeBackend.system()} (the map {@code GET /api/system} returns): properties
 * named in words, byte counts in human units (GiB, MiB), nothing for a value that is missing, zero where zero
 * means unknown, or blank, and the versions as their own small table, never a Java map string.
 */
final class SystemRows {

    /** One row: what it is and its value as shown. */
    record Row(String property, String value) {}

    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("backend", "compute backend");
        NAMES.put("summary", "summary");
        NAMES.put("library", "library");
        NAMES.put("device", "device");
        NAMES.put("deviceMemoryBytes", "device memory");
        NAMES.put("freeMemoryBytes", "device memory free");
        NAMES.put("computeCapability", "compute capability");
        NAMES.put("cpuOptimization", "CPU build");
        NAMES.put("cpuSupports", "CPU supports");
        NAMES.put("blasVendor", "BLAS");
        NAMES.put("blas", "BLAS library and kernels");
        NAMES.put("selfCheck", "native linear algebra self-check");
        NAMES.put("threads", "compute threads");
        NAMES.put("cores", "CPU cores");
        NAMES.put("jvmMaxMemoryBytes", "Java heap limit");
        NAMES.put("heapUsedBytes", "Java heap in use");
        NAMES.put("memoryBudgetBytes", "memory budget per run");
    }

    private static final String VERSIONS = "versions";
    private static final String FREE_MEMORY = "freeMemoryBytes";
    private static final long KIB = 1024;

    private SystemRows() {}

    /**
     * The properties in a fixed order (unknown keys after them), each value shown in words or human units; the
     * device's free memory only on CUDA, the one backend that knows it.
     */
    static List<Row> properties(Map<String, Object> system) {
        List<Row> rows = new ArrayList<>();
        boolean knowsFreeMemory = "CUDA".equals(system.get("backend"));
        NAMES.forEach((key, name) -> {
            if (knowsFreeMemory || !FREE_MEMORY.equals(key)) {
                add(rows, key, name, system.get(key));
            }
        });
        system.forEach((key, value) -> {
            if (!NAMES.containsKey(key) && !VERSIONS.equals(key) && !FREE_MEMORY.equals(key)) {
                add(rows, key, key, value);
            }
        });
        return rows;
    }

    /** The versions (component → version), missing ones left out. */
    static List<Row> versions(Map<String, Object> system) {
        List<Row> rows = new ArrayList<>();
        if (system.get(VERSIONS) instanceof Map<?, ?> versions) {
            Map<String, String> sorted = new java.util.TreeMap<>();
            versions.forEach((k, v) -> {
                if (present(v)) {
                    sorted.put(String.valueOf(k), String.valueOf(v));
                }
            });
            sorted.forEach((k, v) -> rows.add(new Row(k, v)));
        }
        return rows;
    }

    /** 1.5 GiB, 512 MiB, 12 KiB, 100 bytes: binary units, three significant digits. */
    static String bytes(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= KIB && unit < units.length - 1) {
            value /= KIB;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : StudyCells.significant(value, 3) + " " + units[unit];
    }

    private static void add(List<Row> rows, String key, String name, Object value) {
        if (value instanceof Map<?, ?> map && ("blas".equals(key) || "selfCheck".equals(key))) {
            rows.add(new Row(name, "blas".equals(key) ? blas(map) : selfCheck(map)));
            return;
        }
        if (!present(value) || key.endsWith("Bytes") && value instanceof Number n && n.longValue() <= 0) {
            return;
        }
        String shown = key.endsWith("Bytes") && value instanceof Number n
                ? bytes(n.longValue())
                : value instanceof Number n
                        ? FieldText.number(n.doubleValue())
                        : value instanceof Map<?, ?> || value instanceof List<?>
                                ? FieldText.value(value)
                                : value.toString();
        rows.add(new Row(name, shown));
    }

    /** e.g. {@code OpenBLAS 0.3.31, Cooperlake kernels (chosen by OpenBLAS)}. */
    static String blas(Map<?, ?> blas) {
        Object coretype = blas.get("coretype");
        return blas.get("library") + " " + blas.get("version") + ", " + blas.get("kernels") + " kernels ("
                + (coretype == null ? "chosen by OpenBLAS" : "OPENBLAS_CORETYPE=" + coretype) + ")";
    }

    /** e.g. {@code passed (38 checks in 2.1 s)} or {@code FAILED — runs that use it are refused: dsyevd n=300: …}. */
    static String selfCheck(Map<?, ?> check) {
        String counted = " (" + check.get("checks") + " checks in "
                + (check.get("seconds") instanceof Number s ? StudyCells.significant(s.doubleValue(), 2) : "?") + " s)";
        if ("passed".equals(check.get("status"))) {
            return "passed" + counted;
        }
        return "FAILED" + counted + " — runs of kinds that use native linear algebra are refused: "
                + (check.get("failures") instanceof List<?> f
                        ? String.join("; ", f.stream().map(String::valueOf).toList())
                        : "");
    }

    private static boolean present(Object value) {
        return value != null && !(value instanceof String s && (s.isBlank() || "null".equals(s)));
    }
}
