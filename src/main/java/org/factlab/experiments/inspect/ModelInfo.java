package org.factlab.experiments.inspect;

import java.util.List;

/**
 * What {@code /api/models} says of a model: its id, the name given (or the file's), the format ({@code safetensors},
 * {@code keras}, {@code dl4j}), its dense layers in order, the hidden activation when the file says it (null for
 * safetensors), whether the file ends in a softmax, who uploaded it (null with login off or for a bundled example),
 * when, and the file's size.
 */
public record ModelInfo(String id, String name, String format, List<Layer> layers, String activation,
                        boolean softmaxOutput, String owner, String created, long bytes)
        implements UploadLibrary.Described {

    /** One dense layer u = W h (+ b), W out×in. */
    public record Layer(int in, int out, boolean bias) {
    }

    /** Inputs of the first layer. */
    public int inputs() {
        return layers.get(0).in();
    }

    /** Outputs of the last layer. */
    public int outputs() {
        return layers.get(layers.size() - 1).out();
    }
}
