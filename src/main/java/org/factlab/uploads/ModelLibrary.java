package org.factlab.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.factlab.math.ValueLimit;
import org.factlab.nn.imported.ImportedNetwork;
import org.factlab.nn.imported.IsolatedKerasReader;
import org.factlab.nn.imported.ModelFileException;
import org.factlab.nn.imported.ModelFormat;

/**
 * The models the {@code inspect} kind can read: the bundled example {@value #EXAMPLE} (a ReLU MLP trained with
 * PyTorch on MNIST) and the files users uploaded, kept under {@code <datasets-dir>/uploads/models/} by
 * {@link UploadStore}. An upload is read completely before it is kept, so every stored model is usable; a Keras HDF5
 * upload is read in a child JVM ({@link IsolatedKerasReader}), as its reader is native code that a hostile file can
 * crash.
 */
public final class ModelLibrary implements UploadLibrary<ModelInfo> {

    /** The bundled example model's id. */
    public static final String EXAMPLE = "example-mnist-mlp";

    private static final String EXAMPLE_RESOURCE = "/inspect/example-mnist-mlp.safetensors";
    private static final String EXAMPLE_ACTIVATION = "relu";
    private static final int MAX_NAME = 200;

    private final UploadStore store;
    private final ValueLimit uploadLimit;

    /** The library for reading stored models (checked when they were uploaded). */
    public ModelLibrary(Path datasetsDir) {
        this(datasetsDir, ValueLimit.NONE);
    }

    /**
     * @param memoryBudgetBytes {@code factlab.memory-budget-bytes}: the parameters an uploaded network may have are
     *                          limited by it ({@link ValueLimit#ofBudget})
     */
    public ModelLibrary(Path datasetsDir, long memoryBudgetBytes) {
        this(
                datasetsDir,
                ValueLimit.ofBudget(memoryBudgetBytes, Runtime.getRuntime().maxMemory()));
    }

    private ModelLibrary(Path datasetsDir, ValueLimit uploadLimit) {
        this.store = new UploadStore(datasetsDir.resolve("uploads").resolve("models"));
        this.uploadLimit = uploadLimit;
    }

    /**
     * Reads and keeps an uploaded model file. Refused (with nothing kept): an unknown ending, a pickle, a file that
     * cannot be read in its format or is not a chain of dense layers ({@link UploadException}, field {@code file}),
     * one over {@code maxBytes} ({@link UploadException.TooLarge}).
     */
    @Override
    public ModelInfo add(InputStream content, String fileName, String name, String owner, long maxBytes)
            throws UploadException, IOException {
        ModelFormat format;
        try {
            format = ModelFormat.ofFileName(fileName);
        } catch (ModelFileException e) {
            throw new UploadException("file", e.getMessage());
        }
        String shownName = displayName(name, fileName);
        UploadStore.Staged staged = store.stage(content, format.ending(fileName), maxBytes);
        ModelInfo info = null;
        try {
            info = format == ModelFormat.KERAS
                    ? info(
                            staged.id(),
                            shownName,
                            format,
                            IsolatedKerasReader.read(staged.file(), uploadLimit),
                            owner,
                            staged.bytes())
                    : info(
                            staged.id(),
                            shownName,
                            format,
                            format.read(staged.file(), List.of(), uploadLimit),
                            owner,
                            staged.bytes());
        } catch (ModelFileException e) {
            throw new UploadException("file", e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new UploadException("file", "the file cannot be read as " + format.id() + ": " + e.getMessage());
        } catch (OutOfMemoryError e) {
            throw new UploadException.OutOfMemory(uploadLimit);
        } finally {
            if (info == null) {
                store.discard(staged);
            }
        }
        store.commit(staged, info);
        return info;
    }

    /** The bundled example first, then the uploads, newest first. */
    @Override
    public List<ModelInfo> list() throws IOException {
        List<ModelInfo> out = new ArrayList<>();
        out.add(example());
        out.addAll(store.list(ModelInfo.class));
        return out;
    }

    @Override
    public Optional<ModelInfo> find(String id) throws IOException {
        return EXAMPLE.equals(id) ? Optional.of(example()) : store.find(id, ModelInfo.class);
    }

    /** Deletes an uploaded model; false for an unknown id (the bundled example cannot be deleted). */
    @Override
    public boolean delete(String id) throws IOException {
        return store.delete(id);
    }

    @Override
    public void sweepStaging() {
        store.sweepStaging();
    }

    /**
     * The network of model {@code id}; {@code order}: the layers' tensor-name prefixes (safetensors only), empty for
     * the order by name.
     */
    public ImportedNetwork load(String id, List<String> order) throws IOException, ModelFileException {
        if (EXAMPLE.equals(id)) {
            return withExample(file -> ModelFormat.SAFETENSORS.read(file, order, ValueLimit.NONE));
        }
        ModelInfo info = store.find(id, ModelInfo.class)
                .orElseThrow(() -> new IllegalArgumentException(
                        "model: there is no model '" + id + "' (GET /api/models lists them)"));
        Path file = store.file(id).orElseThrow(() -> new IOException("model " + id + " has lost its file"));
        return ModelFormat.fromId(info.format()).read(file, order, ValueLimit.NONE);
    }

    private ModelInfo example() throws IOException {
        try {
            ImportedNetwork net = withExample(file -> ModelFormat.SAFETENSORS.read(file, List.of(), ValueLimit.NONE));
            ModelInfo base = info(
                    EXAMPLE,
                    "Example: ReLU MLP 784-32-32-10 trained with PyTorch on 5000 MNIST images "
                            + "(MSE, weight_decay 1e-4)",
                    ModelFormat.SAFETENSORS,
                    net,
                    null,
                    0);
            return new ModelInfo(
                    base.id(),
                    base.name(),
                    base.format(),
                    base.layers(),
                    EXAMPLE_ACTIVATION,
                    false,
                    null,
                    null,
                    base.bytes(),
                    List.of());
        } catch (ModelFileException e) {
            throw new IllegalStateException("the bundled example model is unreadable", e);
        }
    }

    private interface FileReader {
        ImportedNetwork read(Path file) throws IOException, ModelFileException;
    }

    /** Reads the bundled example from a temporary copy of the resource. */
    private static ImportedNetwork withExample(FileReader reader) throws IOException, ModelFileException {
        Path file = Files.createTempFile("factlab-example", ".safetensors");
        try (InputStream in = ModelLibrary.class.getResourceAsStream(EXAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IOException("the bundled example model " + EXAMPLE_RESOURCE + " is missing");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return reader.read(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static ModelInfo info(
            String id, String name, ModelFormat format, ImportedNetwork net, String owner, long bytes) {
        return info(
                id,
                name,
                format,
                new IsolatedKerasReader.Summary(
                        net.layers(), net.activation(), net.softmaxOutput(), net.convolutions()),
                owner,
                bytes);
    }

    private static ModelInfo info(
            String id, String name, ModelFormat format, IsolatedKerasReader.Summary net, String owner, long bytes) {
        List<ModelInfo.Layer> layers = net.layers().stream()
                .map(l -> new ModelInfo.Layer(l.in(), l.out(), l.bias()))
                .toList();
        return new ModelInfo(
                id,
                name,
                format.id(),
                layers,
                net.activation() == null ? null : net.activation().id(),
                net.softmaxOutput(),
                owner,
                Instant.now().toString(),
                bytes,
                net.convolutions());
    }

    /** The name given, or the file's name; control characters removed, at most {@value #MAX_NAME} characters. */
    static String displayName(String name, String fileName) throws UploadException {
        String chosen = name == null || name.isBlank() ? fileName : name;
        String clean = chosen == null ? "" : chosen.replaceAll("\\p{Cntrl}", "").strip();
        if (clean.length() > MAX_NAME) {
            throw new UploadException(
                    "name", "is " + clean.length() + " characters long; allowed: at most " + MAX_NAME);
        }
        return clean;
    }
}
