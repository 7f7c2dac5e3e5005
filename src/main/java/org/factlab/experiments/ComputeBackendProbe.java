package org.factlab.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Asks the loaded ND4J backend what it runs on. The first call initialises ND4J (seconds; on a fresh machine
 * the native libraries are unpacked first), so the result is computed once and kept.
 */
public final class ComputeBackendProbe {

    private static volatile ComputeBackendInfo cached;
    private static volatile int cpuThreads;

    private ComputeBackendProbe() {}

    /**
     * Sets the threads of the CPU backend (OpenBLAS and ND4J's element-wise ops; global to the process) when ND4J
     * is first described, and at once if it already was; 0 keeps ND4J's default.
     */
    public static void useCpuThreads(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("factlab.cpu-threads must be ≥ 0, got " + threads);
        }
        cpuThreads = threads;
        synchronized (ComputeBackendProbe.class) {
            if (cached != null && threads > 0 && "CPU".equals(cached.backend())) {
                applyCpuThreads(threads);
                cached = probe();
            }
        }
    }

    public static ComputeBackendInfo describe() {
        ComputeBackendInfo info = cached;
        if (info == null) {
            synchronized (ComputeBackendProbe.class) {
                if (cached == null) {
                    cached = probe();
                }
                info = cached;
            }
        }
        return info;
    }

    private static void applyCpuThreads(int threads) {
        Nd4j.factory().blas().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
    }

    private static ComputeBackendInfo probe() {
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        boolean cpu = !"CUDA".equalsIgnoreCase(value(env, "backend", "CPU"));
        if (cpuThreads > 0 && cpu) {
            applyCpuThreads(cpuThreads);
        }
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        String backend = value(env, "backend", "CPU");
        String blas = value(env, "blas.vendor", "unknown");
        int threads = cpuThreads > 0 && cpu ? cpuThreads : Integer.parseInt(value(env, "omp.threads", "1"));
        if ("CUDA".equalsIgnoreCase(backend)) {
            int device = 0;
            return new ComputeBackendInfo(
                    "CUDA",
                    "nd4j-cuda-11.6",
                    ops.getDeviceName(device),
                    ops.getDeviceTotalMemory(device),
                    ops.getDeviceFreeMemory(device),
                    ops.getDeviceMajor(device) + "." + ops.getDeviceMinor(device),
                    null,
                    null,
                    blas,
                    threads);
        }
        long available = Long.parseLong(value(env, "memory.available", "0"));
        long free = Long.parseLong(value(env, "memory.free", "0"));
        return new ComputeBackendInfo(
                "CPU",
                "nd4j-native",
                cpuModel(),
                available,
                free,
                null,
                instructionSet(ops.binaryLevel()),
                instructionSet(ops.optimalLevel()),
                blas,
                threads);
    }

    /** The environment map holds numbers as Integer/Long objects, which Properties#getProperty would skip. */
    private static String value(Properties env, String key, String fallback) {
        Object v = env.get(key);
        return v == null ? fallback : v.toString();
    }

    /** Levels of NativeOps#binaryLevel and #optimalLevel: 3 = AVX512, 2 = AVX/AVX2, otherwise generic x86-64. */
    static String instructionSet(int level) {
        return switch (level) {
            case 3 -> "AVX512";
            case 2 -> "AVX/AVX2";
            default -> "Generic x86";
        };
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse(System.getProperty("os.arch"));
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }
}
