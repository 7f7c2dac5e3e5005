package org.factlab.experiments;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which kernel set the OpenBLAS of nd4j-native picked when it loaded ({@code openblas_get_corename}), and whether
 * it is older than the CPU: OpenBLAS 0.3.19 picks from the CPU's identification, and on CPUs it does not recognise
 * (the development VM's AMD EPYC) it falls back to old kernels ({@code Barcelona}) unless {@code OPENBLAS_CORETYPE}
 * says otherwise (README: OpenBLAS kernels). The function is not in JavaCPP's mapping, so it is called through JNA
 * on the library file this process mapped.
 */
final class OpenBlasKernels {

    /** Kernel sets that use AVX2 or newer: right for a CPU with AVX2. */
    private static final List<String> CURRENT = List.of("haswell", "zen", "skylakex", "cooperlake", "sapphirerapids");

    private OpenBlasKernels() {
    }

    /** The loaded library's kernel set, e.g. "Haswell"; empty before ND4J loaded OpenBLAS or off Linux. */
    static Optional<String> loaded() {
        try {
            Optional<String> library = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .filter(path -> path.endsWith("/libopenblas.so.0") || path.endsWith("/libopenblas_nolapack.so.0"))
                    .findFirst();
            if (library.isEmpty()) {
                return Optional.empty();
            }
            Function corename = NativeLibrary.getInstance(library.get()).getFunction("openblas_get_corename");
            return Optional.ofNullable(corename.invokeString(new Object[0], false)).map(String::strip);
        } catch (IOException | LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** True when the CPU has AVX2 but the kernels are older than Haswell's. */
    static boolean olderThanTheCpu(String kernels, boolean cpuHasAvx2) {
        return cpuHasAvx2 && !CURRENT.contains(kernels.toLowerCase(Locale.ROOT));
    }
}
