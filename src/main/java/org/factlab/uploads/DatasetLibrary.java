package org.factlab.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.factlab.data.tabular.TableFormatException;
import org.factlab.data.uploaded.UploadedTable;
import org.factlab.math.ValueLimit;

/**
 * Tables users uploaded for the {@code inspect} kind ({@code .csv} with a header and the label last, or {@code .npz}
 * with X, n×d or n×C×H×W images whose shape is kept, and y), kept under
 * {@code <datasets-dir>/uploads/datasets/} by {@link UploadStore}; each is read completely before it is kept.
 */
public final class DatasetLibrary implements UploadLibrary<DatasetInfo> {

    private final UploadStore store;
    private final ValueLimit uploadLimit;

    /** The library for reading stored tables (checked when they were uploaded). */
    public DatasetLibrary(Path datasetsDir) {
        this(datasetsDir, ValueLimit.NONE);
    }

    /**
     * @param memoryBudgetBytes {@code factlab.memory-budget-bytes}: the numbers (n×d) an uploaded table may hold are
     *                          limited by it ({@link ValueLimit#ofBudget})
     */
    public DatasetLibrary(Path datasetsDir, long memoryBudgetBytes) {
        this(
                datasetsDir,
                ValueLimit.ofBudget(memoryBudgetBytes, Runtime.getRuntime().maxMemory()));
    }

    private DatasetLibrary(Path datasetsDir, ValueLimit uploadLimit) {
        this.store = new UploadStore(datasetsDir.resolve("uploads").resolve("datasets"));
        this.uploadLimit = uploadLimit;
    }

    /** Reads and keeps an uploaded table; refused with nothing kept when it is not a readable table. */
    @Override
    public DatasetInfo add(InputStream content, String fileName, String name, String owner, long maxBytes)
            throws UploadException, IOException {
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String ending = lower.endsWith(".csv") ? ".csv" : lower.endsWith(".npz") ? ".npz" : null;
        if (ending == null) {
            throw new UploadException(
                    "file",
                    "'" + fileName + "' is not a supported table; allowed: .csv (a header row, the class label in the "
                            + "last column) or .npz (arrays X, n×d or n×C×H×W images, and y, n labels)");
        }
        String shownName = ModelLibrary.displayName(name, fileName);
        UploadStore.Staged staged = store.stage(content, ending, maxBytes);
        DatasetInfo info = null;
        try {
            UploadedTable table = UploadedTable.read(staged.file(), ending, uploadLimit);
            info = new DatasetInfo(
                    staged.id(),
                    shownName,
                    table.n(),
                    table.d(),
                    table.classes(),
                    owner,
                    Instant.now().toString(),
                    staged.bytes(),
                    table.imageShape());
        } catch (TableFormatException e) {
            throw new UploadException("file", e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new UploadException("file", "the file cannot be read as a table: " + e.getMessage());
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

    @Override
    public List<DatasetInfo> list() throws IOException {
        return store.list(DatasetInfo.class);
    }

    @Override
    public Optional<DatasetInfo> find(String id) throws IOException {
        return store.find(id, DatasetInfo.class);
    }

    @Override
    public boolean delete(String id) throws IOException {
        return store.delete(id);
    }

    @Override
    public void sweepStaging() {
        store.sweepStaging();
    }

    /** The table of dataset {@code id}, exactly as uploaded. */
    public UploadedTable load(String id) throws IOException {
        Path file = store.file(id)
                .orElseThrow(() -> new IllegalArgumentException(
                        "dataset: there is no uploaded " + "dataset '" + id + "' (GET /api/datasets lists them)"));
        return UploadedTable.read(file, file.getFileName().toString(), ValueLimit.NONE);
    }
}
