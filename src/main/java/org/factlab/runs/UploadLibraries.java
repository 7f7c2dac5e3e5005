package org.factlab.runs;

import org.factlab.uploads.DatasetLibrary;
import org.factlab.uploads.ModelLibrary;
import org.springframework.stereotype.Component;

/**
 * The uploaded models and tables of the {@code inspect} kind, kept under the datasets directory
 * ({@code factlab.datasets-dir/uploads/}), and the largest file accepted ({@code factlab.models.max-bytes}), for the
 * REST API and the launch page alike. The numbers an upload may hold are limited by the memory budget
 * ({@code factlab.memory-budget-bytes}); staging folders that uploads left when the server died are removed at
 * start-up.
 */
@Component
public class UploadLibraries {

    private final ModelLibrary models;
    private final DatasetLibrary datasets;
    private final long maxBytes;

    UploadLibraries(FactlabProperties properties, RequestLimits limits) {
        this.models = new ModelLibrary(properties.datasetRoots().get(0), properties.memoryBudgetBytes());
        this.datasets = new DatasetLibrary(properties.datasetRoots().get(0), properties.memoryBudgetBytes());
        models.sweepStaging();
        datasets.sweepStaging();
        this.maxBytes = limits.models().maxBytes();
    }

    public ModelLibrary models() {
        return models;
    }

    public DatasetLibrary datasets() {
        return datasets;
    }

    /** The largest model or table file accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }
}
