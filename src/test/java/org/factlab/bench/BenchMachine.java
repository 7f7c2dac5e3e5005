package org.factlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** What the benchmarks measure about the machine: its load and its GEMM rate, the yardstick of every floor. */
final class BenchMachine {

    private BenchMachine() {}

    /** Prints the 1, 5 and 15 minute load averages, where the OS reports them: the floors assume an idle machine. */
    static void printLoad(String when) {
        Path loadavg = Path.of("/proc/loadavg");
        if (Files.isReadable(loadavg)) {
            try {
                String[] fields = Files.readString(loadavg).trim().split("\\s+");
                System.out.printf(
                        Locale.ROOT,
                        "load average %s: %s %s %s (%d cores)%n",
                        when,
                        fields[0],
                        fields[1],
                        fields[2],
                        Runtime.getRuntime().availableProcessors());
            } catch (IOException e) {
                System.out.println("load average " + when + ": unreadable (" + e.getMessage() + ")");
            }
        }
    }

    /** FLOP/s of a square 2048 GEMM (best of three). */
    static double gemmFlopsPerSecond(DataType type) {
        int size = 2048;
        INDArray a = Nd4j.rand(type, size, size);
        INDArray c = Nd4j.create(type, size, size);
        double best = Double.MAX_VALUE;
        for (int r = 0; r < 3; r++) {
            long start = System.nanoTime();
            Nd4j.gemm(a, a, c, false, true, 1.0, 0.0);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return 2.0 * size * size * size / best;
    }
}
