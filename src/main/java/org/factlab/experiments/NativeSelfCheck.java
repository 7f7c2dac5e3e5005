package org.factlab.experiments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factlab.math.BlasLibrary;
import org.factlab.math.KnownAnswer;
import org.factlab.math.KnownAnswers;
import org.factlab.math.NativeLinearAlgebra;

/**
 * The known-answer self-check of native linear algebra ({@link KnownAnswers}), run once per process before the
 * first run of a kind that uses it, with the BLAS library it checked. Kept, like {@link ComputeBackendProbe}.
 */
public final class NativeSelfCheck {

    private static volatile Report cached;

    private NativeSelfCheck() {}

    /**
     * What the self-check found.
     *
     * @param passed   every check within its bound
     * @param failures one line per failed check, e.g. {@code dsyevd n=300: ‖A − VΛVᵀ‖/‖A‖ = 3.1e+57 > 2.2e-10}
     * @param checks   how many checks ran
     * @param seconds  how long they took
     * @param blas     the library and kernel set they ran on: {@code library}, {@code version}, {@code kernels},
     *                 {@code coretype} (null unless OPENBLAS_CORETYPE chose them), {@code config} ({@link BlasLibrary})
     */
    public record Report(boolean passed, List<String> failures, int checks, double seconds, Map<String, String> blas) {

        /** e.g. {@code OpenBLAS 0.3.31 with its Cooperlake kernels (chosen by OpenBLAS)}. */
        public String library() {
            String coretype = blas.get("coretype");
            return blas.get("library") + " " + blas.get("version") + " with its " + blas.get("kernels") + " kernels"
                    + (coretype == null ? " (chosen by OpenBLAS)" : " (OPENBLAS_CORETYPE=" + coretype + ")");
        }

        /** What to tell a user whose run is refused. */
        public String refusal() {
            return "native linear algebra failed its self-check on this server (" + library() + "): "
                    + String.join("; ", failures)
                    + ". Runs of kinds that use it are refused so that no wrong numbers are recorded; restart the "
                    + "server with another kernel set, e.g. OPENBLAS_CORETYPE=Haswell, and check System";
        }
    }

    /** The report, computing it on first use (a few seconds; callers wait). */
    public static Report report() {
        Report r = cached;
        if (r == null) {
            synchronized (NativeSelfCheck.class) {
                if (cached == null) {
                    cached = run();
                }
                r = cached;
            }
        }
        return r;
    }

    /** Runs the checks again and keeps the new report (after the implementation changed, e.g. in a test). */
    public static synchronized Report rerun() {
        cached = run();
        return cached;
    }

    private static Report run() {
        ComputeBackendProbe.describe();
        long start = System.nanoTime();
        List<KnownAnswer> answers = KnownAnswers.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> failures = answers.stream()
                .filter(a -> !a.passed())
                .map(KnownAnswer::describe)
                .toList();
        BlasLibrary blas = NativeLinearAlgebra.blasLibrary();
        Map<String, String> described = new LinkedHashMap<>();
        described.put("library", blas.library());
        described.put("version", blas.version());
        described.put("kernels", blas.kernels());
        described.put("coretype", blas.coretype());
        described.put("config", blas.config());
        return new Report(failures.isEmpty(), failures, answers.size(), seconds, described);
    }
}
