package org.factlab.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The startup self-check on the kernel set this machine's OpenBLAS uses (whatever it is: the test never sets
 * OPENBLAS_CORETYPE), and its power to see wrong results: with a fake gateway that corrupts one entry it fails
 * naming exactly the corrupted routines.
 */
class KnownAnswersTest {

    @Test
    void everyOperationPassesOnThisMachinesKernels() {
        List<KnownAnswer> answers = KnownAnswers.run();
        List<String> failures = answers.stream()
                .filter(a -> !a.passed())
                .map(KnownAnswer::describe)
                .toList();
        assertTrue(failures.isEmpty(), () -> "native linear algebra is wrong here: " + failures);
        Set<String> operations = answers.stream().map(KnownAnswer::operation).collect(Collectors.toSet());
        assertEquals(Set.of("dgemm", "sgemm", "dsyevd", "dgesdd", "dposv", "sposv", "dsysv", "ssysv"), operations);
        for (int n : KnownAnswers.SIZES) {
            assertTrue(
                    answers.stream().anyMatch(a -> a.n() == n && a.operation().equals("dsyevd")));
        }
    }

    @Test
    void aCorruptedDecompositionFailsNamingItsRoutine() {
        Decompositions previous = CorruptedDecompositions.install(
                CorruptedDecompositions.Routine.EIGEN, CorruptedDecompositions.Routine.SVD);
        try {
            Set<String> failed = failedOperations(KnownAnswers.run());
            assertEquals(Set.of("dsyevd", "dgesdd"), failed);
        } finally {
            NativeLinearAlgebra.use(previous);
        }
    }

    @Test
    void corruptedSolvesFailNamingTheirRoutines() {
        Decompositions previous = CorruptedDecompositions.install(CorruptedDecompositions.Routine.SOLVES);
        try {
            assertEquals(Set.of("dposv", "sposv", "dsysv", "ssysv"), failedOperations(KnownAnswers.run()));
        } finally {
            NativeLinearAlgebra.use(previous);
        }
    }

    @Test
    void answersDescribeWhatWasMeasured() {
        KnownAnswer wrong = new KnownAnswer("dsyevd", 300, "‖A − VΛVᵀ‖/‖A‖", 3.1e57, 1e-11, null);
        assertFalse(wrong.passed());
        assertEquals("dsyevd n=300: ‖A − VΛVᵀ‖/‖A‖ = 3.1e+57 > 1.0e-11", wrong.describe());
    }

    private static Set<String> failedOperations(List<KnownAnswer> answers) {
        return answers.stream()
                .filter(a -> !a.passed())
                .map(KnownAnswer::operation)
                .collect(Collectors.toSet());
    }
}
