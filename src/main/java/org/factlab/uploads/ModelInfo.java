package org.factlab.uploads;

import java.util.List;
import org.factlab.nn.imported.ImportedNetwork;

/**
 * What {@code /api/models} says of a model: its id, the name given (or the file's), the format ({@code safetensors},
 * {@code keras}, {@code dl4j}), its weight layers in order, the hidden activation when the file says it (null for
 * safetensors), whether the file ends in a softmax, who uploaded it (null with login off or for a bundled example),
 * when, the file's size, and the shapes of its leading convolutions (empty for a chain of dense layers; their
 * {@code layers} entries are W's k×cq² as out×in).
 */
public record ModelInfo(
        String id,
        String name,
        String format,
        List<Layer> layers,
        String activation,
        boolean softmaxOutput,
        String owner,
        String created,
        long bytes,
        List<ImportedNetwork.ConvShape> convolutions)
        implements UploadLibrary.Described {

    public ModelInfo {
        convolutions = convolutions == null ? List.of() : List.copyOf(convolutions);
    }

    /** One dense layer u = W h (+ b), W out×in, or a convolution with W out×cq². */
    public record Layer(int in, int out, boolean bias) {}

    /** Inputs of the first layer. */
    public int inputs() {
        return layers.get(0).in();
    }

    /** Outputs of the last layer. */
    public int outputs() {
        return layers.get(layers.size() - 1).out();
    }
}
