package org.factlab.ui.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The system page's rows: human units, nothing shown as "null", versions as their own table. */
class SystemRowsTest {

    @Test
    void bytesInBinaryUnitsMissingValuesLeftOutVersionsInATable() {
        Map<String, Object> system = new LinkedHashMap<>();
        system.put("backend", "CPU");
        system.put("device", null);
        system.put("computeCapability", "null");
        system.put("deviceMemoryBytes", 0L);
        system.put("jvmMaxMemoryBytes", 8L * 1024 * 1024 * 1024);
        system.put("heapUsedBytes", 3L * 512 * 1024 * 1024);
        system.put("memoryBudgetBytes", 1_500_000_000L);
        system.put("threads", 2);
        Map<String, Object> versions = new HashMap<>();
        versions.put("java", "17.0.15");
        versions.put("nd4j", "1.0.0-M2.1");
        versions.put("factlab", null);
        system.put("versions", versions);
        List<SystemRows.Row> rows = SystemRows.properties(system);
        Map<String, String> byName = new LinkedHashMap<>();
        rows.forEach(r -> byName.put(r.property(), r.value()));
        assertEquals("8 GiB", byName.get("Java heap limit"));
        assertEquals("1.5 GiB", byName.get("Java heap in use"));
        assertEquals("1.4 GiB", byName.get("memory budget per run"), "1.5e9 bytes = 1.397 GiB");
        assertEquals("2", byName.get("compute threads"));
        assertEquals(
                List.of(
                        "compute backend",
                        "compute threads",
                        "Java heap limit",
                        "Java heap in use",
                        "memory budget per run"),
                List.copyOf(byName.keySet()),
                "no device, no null, no 0-byte memory");
        assertTrue(
                rows.stream()
                        .noneMatch(r -> r.value().contains("null") || r.value().contains("{")),
                rows.toString());
        assertEquals(
                List.of(new SystemRows.Row("java", "17.0.15"), new SystemRows.Row("nd4j", "1.0.0-M2.1")),
                SystemRows.versions(system));
        assertEquals("512 bytes", SystemRows.bytes(512));
        assertEquals("12 KiB", SystemRows.bytes(12 * 1024));
    }
}
