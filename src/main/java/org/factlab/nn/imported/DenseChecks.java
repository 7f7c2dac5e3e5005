package org.factlab.nn.imported;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The checks every imported network passes: consecutive layers fit, and every number is finite. */
final class DenseChecks {

    private DenseChecks() {}

    static void chain(List<String> names, List<INDArray> weights, List<INDArray> biases) throws ModelFileException {
        if (weights.isEmpty()) {
            throw new ModelFileException("the file holds no dense layer");
        }
        for (int l = 0; l < weights.size(); l++) {
            if (l > 0 && weights.get(l).columns() != weights.get(l - 1).rows()) {
                throw new ModelFileException(
                        "layer '" + names.get(l) + "' takes " + weights.get(l).columns()
                                + " inputs but layer '" + names.get(l - 1) + "' gives "
                                + weights.get(l - 1).rows()
                                + " outputs: not a chain of dense layers in this order");
            }
        }
        finite(names, weights, biases);
    }

    /** Refuses, naming the layer, NaN or infinite parameters. */
    static void finite(List<String> names, List<INDArray> weights, List<INDArray> biases) throws ModelFileException {
        for (int l = 0; l < weights.size(); l++) {
            if (!finite(weights.get(l)) || biases.get(l) != null && !finite(biases.get(l))) {
                throw new ModelFileException("layer '" + names.get(l) + "' holds NaN or infinite parameters");
            }
        }
    }

    private static boolean finite(INDArray a) {
        return Double.isFinite(a.norm1Number().doubleValue());
    }
}
