package org.factlab.experiments.mlp;

import org.factlab.nn.mlp.MlpProbe;

/**
 * Peak memory of an mlp run, from the spec: the dataset as loaded (float32), the training arrays, DL4J's
 * parameters, gradients, updater state and minibatch activations (float32), and one probe (float64): a chunk of
 * samples, the per-layer sums (∇_W L, beNFA, bAGOP) and one layer's feature matrices with their roots.
 */
final class MlpMemory {

    /**
     * Square float64 matrices of the largest layer dimension d alive while one layer is compared (its workspace
     * cycle, {@code ScratchWorkspaces}): native, the four d×d matrices of a side (WᵀW, FACT, AGOP, eNFA), the six of
     * the root being formed in its own cycle (√AGOP and AGOP^{1/L}: symmetric part, eigenvectors, two scaled copies
     * and two products) and about two for the narrower out×out and in×out terms; JVM heap, about four for the
     * entries of the reference and of one prediction and the float32 copies kept for heatmaps.
     */
    private static final int FEATURE_MATRICES = 16;

    private MlpMemory() {}

    static long estimate(MlpSpec spec) {
        int d = inputDim(spec);
        int c = spec.regression() ? spec.outputDim() : 10;
        long loaded = 4L * (fullTrainingSize(spec) + spec.testSize()) * (d + 1);
        long training = 4L * 3 * spec.n() * (d + c);
        long parameters = 0;
        long sums = 0;
        int largest = d;
        for (int l = 0; l < spec.depth(); l++) {
            long in = l == 0 ? d : spec.width();
            long out = l == spec.depth() - 1 ? c : spec.width();
            parameters += in * out + out;
            sums += 8L * (in * out + 2 * out * out);
            largest = (int) Math.max(largest, out);
        }
        long dl4j = 4L * 4 * parameters + 4L * 4 * spec.batchSize() * (d + (long) spec.width() * spec.depth());
        long rowBytes = MlpProbe.bytesPerChunkRow(d, spec.width(), spec.depth(), c);
        long chunk = Math.min(MlpEvaluator.PROBE_CHUNK_BYTES, rowBytes * spec.n());
        long probe = chunk + sums + 8L * 2 * parameters + 8L * FEATURE_MATRICES * largest * largest;
        return loaded + training + dl4j + probe;
    }

    private static int inputDim(MlpSpec spec) {
        return switch (spec.dataset()) {
            case "cifar10" -> 3072;
            case "gaussian-linear" -> spec.inputDim();
            default -> 784;
        };
    }

    private static long fullTrainingSize(MlpSpec spec) {
        return switch (spec.dataset()) {
            case "cifar10" -> MlpSpec.CIFAR_TRAINING_SIZE;
            case "gaussian-linear" -> spec.n();
            default -> 60_000;
        };
    }
}
