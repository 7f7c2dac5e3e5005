package org.factlab.kernels;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The products the output-by-output forms of both feature matrices are made of, from one GEMM that reads
 * the n×n matrix of κ once: κ·[A | α_1 ∘ X | … | α_c ∘ X] = [S | T_1 | … | T_c] with S = κA (n×c) and
 * T_c = κ diag(α_c) X (n×d), in units of {@link GradientFactors#matrix()} (times its scale for κ).
 */
final class OutputContractions {

    private final INDArray product;
    private final long outputs;
    private final long d;

    /**
     * @param product kept, not copied; not modified
     */
    private OutputContractions(INDArray product, long outputs, long d) {
        this.product = product;
        this.outputs = outputs;
        this.d = d;
    }

    /**
     * @param alpha not modified
     * @param x not modified
     */
    static OutputContractions of(GradientFactors kappa, INDArray alpha, INDArray x) {
        List<INDArray> blocks = new ArrayList<>();
        blocks.add(alpha);
        for (long c = 0; c < alpha.columns(); c++) {
            blocks.add(x.mulColumnVector(alpha.getColumn(c, true)));
        }
        INDArray right = Nd4j.hstack(blocks.toArray(INDArray[]::new));
        return new OutputContractions(kappa.times(right), alpha.columns(), x.columns());
    }

    /** S = κA (n×c). */
    INDArray s() {
        return product.get(NDArrayIndex.all(), NDArrayIndex.interval(0, outputs));
    }

    /** T_c = κ diag(α_c) X (n×d). */
    INDArray t(long c) {
        long start = outputs + c * d;
        return product.get(NDArrayIndex.all(), NDArrayIndex.interval(start, start + d));
    }
}
