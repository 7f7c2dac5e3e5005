package org.factlab.experiments.inspect;

import java.util.List;
import org.factlab.nn.cnn.CnnArchitecture;
import org.factlab.nn.cnn.CnnProbe;
import org.factlab.uploads.ModelInfo;

/**
 * Peak memory of an inspect run from the real sizes: the data (an uploaded table on the heap, then as a native
 * float64 array with its one-hot labels), the network's parameters (as read and as probed), the probe's per-layer
 * sums and one chunk of samples, and one layer's feature matrices with their roots, square in the layer's widest
 * side (the d×d matrices, d up to the input width).
 */
final class InspectMemory {

    /**
     * Square float64 matrices of the widest side alive while one layer is compared (as for the mlp kind's probe:
     * the four of a side, the six of a root being formed, about two more, and four on the heap).
     */
    private static final int FEATURE_MATRICES = 16;

    private InspectMemory() {}

    /**
     * @param layers    the model's dense layers in order
     * @param rows      samples probed
     * @param features  inputs per sample
     * @param chunkCap  most bytes of one probe chunk
     */
    static long estimate(List<ModelInfo.Layer> layers, long rows, long features, long chunkCap) {
        long outputs = layers.get(layers.size() - 1).out();
        long data = 8L * rows * (2 * features + 2 * outputs);
        long parameters = 0;
        long sums = 0;
        long widths = 0;
        long widest = features;
        for (ModelInfo.Layer l : layers) {
            parameters += (long) l.in() * l.out() + l.out();
            sums += 8L * ((long) l.in() * l.out() + 2L * l.out() * l.out());
            widths += l.out();
            widest = Math.max(widest, Math.max(l.in(), l.out()));
        }
        long chunk = Math.min(chunkCap, 8L * (features + 5 * widths) * rows);
        return data + 8L * 3 * parameters + sums + chunk + 8L * FEATURE_MATRICES * widest * widest;
    }

    /**
     * The same for a network with convolutions probed as the lean CNN: the data once more as the probe's native
     * copy, its pass buffers for one chunk ({@link CnnProbe#bytesPerChunkRow}), and the matrices of the widest side
     * (a convolution's cq², a dense layer's inputs).
     */
    static long estimate(CnnArchitecture arch, long rows, long chunkCap) {
        long data = 8L * rows * (3L * arch.inputDim() + 3L * arch.outputs());
        long sums = 0;
        long widest = 0;
        for (int l = 0; l < arch.depth(); l++) {
            sums += 8L * ((long) arch.rows(l) * arch.cols(l) + 2L * arch.rows(l) * arch.rows(l));
            widest = Math.max(widest, Math.max(arch.rows(l), arch.cols(l)));
        }
        long perRow = CnnProbe.bytesPerChunkRow(arch);
        long chunk = perRow * Math.max(1, Math.min(rows, chunkCap / perRow));
        return data + 8L * 3 * arch.parameterCount() + sums + chunk + 8L * FEATURE_MATRICES * widest * widest;
    }
}
