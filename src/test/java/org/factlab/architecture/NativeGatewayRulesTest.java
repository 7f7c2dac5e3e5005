package org.factlab.architecture;

import static org.bytedeco.openblas.global.openblas.LAPACKE_dposv;
import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.bytedeco.javacpp.DoublePointer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The native-gateway rules of {@link ArchitectureTest} see the calls they forbid (they are not vacuous). */
class NativeGatewayRulesTest {

    /** What the rules forbid outside math.NativeLinearAlgebra; never run. */
    static final class DirectNativeCalls {
        static int solve(INDArray a, INDArray b) {
            Nd4j.getAffinityManager().ensureLocation(a, AffinityManager.Location.HOST);
            return LAPACKE_dposv(
                    LAPACK_COL_MAJOR,
                    (byte) 'L',
                    1,
                    1,
                    (DoublePointer) a.data().addressPointer(),
                    1,
                    (DoublePointer) b.data().addressPointer(),
                    1);
        }
    }

    private final JavaClasses violator = new ClassFileImporter().importClasses(DirectNativeCalls.class);

    @Test
    void aDirectLapackCallBreaksTheRule() {
        assertThrows(AssertionError.class, () -> ArchitectureTest.onlyTheGatewayCallsLapack.check(violator));
    }

    @Test
    void aDirectHostBufferSynchronisationBreaksTheRule() {
        assertThrows(
                AssertionError.class, () -> ArchitectureTest.onlyTheGatewaySynchronizesHostBuffers.check(violator));
    }
}
