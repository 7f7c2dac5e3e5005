package org.factlab.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CPU backend is described as what it is: checked against /proc/cpuinfo and the JVM, not against itself. */
class ComputeBackendProbeTest {

    @Test
    void describesTheNativeCpuBackend() throws Exception {
        ComputeBackendInfo info = ComputeBackendProbe.describe();
        assertEquals("CPU", info.backend());
        assertEquals("nd4j-native", info.library());
        assertEquals("OPENBLAS", info.blasVendor());
        assertNull(info.computeCapability());
        assertTrue(
                info.threads() >= 1 && info.threads() <= Runtime.getRuntime().availableProcessors(),
                "threads " + info.threads());
        assertTrue(info.deviceMemoryBytes() > 0 && info.freeMemoryBytes() <= info.deviceMemoryBytes());
        assertTrue(info.summary().startsWith("CPU (nd4j-native, "), info.summary());

        List<String> cpuinfo = Files.readAllLines(Path.of("/proc/cpuinfo"));
        String flags =
                cpuinfo.stream().filter(l -> l.startsWith("flags")).findFirst().orElse("");
        String expected = flags.contains(" avx512f") ? "AVX512" : flags.contains(" avx2") ? "AVX/AVX2" : "Generic x86";
        assertEquals(expected, info.cpuSupports(), "best instruction set of this CPU");
        String model = cpuinfo.stream()
                .filter(l -> l.startsWith("model name"))
                .findFirst()
                .orElseThrow();
        assertTrue(model.endsWith(info.device()), info.device());
    }

    @Test
    void instructionSetLevelsFollowNativeOps() {
        assertEquals("AVX512", ComputeBackendProbe.instructionSet(3));
        assertEquals("AVX/AVX2", ComputeBackendProbe.instructionSet(2));
        assertEquals("Generic x86", ComputeBackendProbe.instructionSet(0));
    }
}
