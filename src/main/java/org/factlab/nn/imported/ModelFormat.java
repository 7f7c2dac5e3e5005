package org.factlab.nn.imported;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.factlab.math.ValueLimit;

/** The model files FACT Lab reads, told apart by the file name's ending. */
public enum ModelFormat {
    /** A PyTorch {@code state_dict} saved with safetensors ({@link SafetensorsReader}). */
    SAFETENSORS("safetensors", ".safetensors"),
    /** A Keras Sequential model saved as HDF5 ({@link KerasReader}). */
    KERAS("keras", ".h5", ".keras"),
    /** A Deeplearning4j MultiLayerNetwork zip ({@link Dl4jZipReader}). */
    DL4J("dl4j", ".zip");

    private static final List<String> PICKLES = List.of(".pt", ".pth", ".bin", ".pkl", ".ckpt");

    private final String id;
    private final List<String> endings;

    ModelFormat(String id, String... endings) {
        this.id = id;
        this.endings = List.of(endings);
    }

    public String id() {
        return id;
    }

    /** The file's own ending for a stored copy, e.g. {@code .safetensors}. */
    public String ending(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return endings.stream().filter(lower::endsWith).findFirst().orElse(endings.get(0));
    }

    public static ModelFormat fromId(String id) {
        return Arrays.stream(values())
                .filter(f -> f.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown model format '" + id + "'"));
    }

    /** The format of a file called {@code fileName}; a clear refusal for pickles and unknown endings. */
    public static ModelFormat ofFileName(String fileName) throws ModelFileException {
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        for (ModelFormat f : values()) {
            if (f.endings.stream().anyMatch(lower::endsWith)) {
                return f;
            }
        }
        if (PICKLES.stream().anyMatch(lower::endsWith)) {
            throw new ModelFileException("'" + fileName + "' looks like a torch.save pickle, which is not accepted "
                    + "(unpickling can run code): save the state_dict with safetensors "
                    + "(safetensors.torch.save_file(model.state_dict(), 'model.safetensors'))");
        }
        throw new ModelFileException("'" + fileName + "' is not a supported model file; allowed: .safetensors "
                + "(PyTorch state_dict), .h5 or .keras (Keras HDF5), .zip (Deeplearning4j)");
    }

    /**
     * Reads the network; {@code order}: for safetensors, the layers' name prefixes in order (empty: by name). A file
     * declaring more parameters than {@code limit} is refused before they are allocated (Keras: before its weights
     * are read).
     */
    public ImportedNetwork read(Path file, List<String> order, ValueLimit limit)
            throws ModelFileException, IOException {
        return switch (this) {
            case SAFETENSORS -> SafetensorsReader.read(file, order, limit);
            case KERAS -> KerasReader.read(file, limit);
            case DL4J -> Dl4jZipReader.read(file, limit);
        };
    }
}
