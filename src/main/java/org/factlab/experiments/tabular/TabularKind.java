package org.factlab.experiments.tabular;

import java.nio.file.Path;
import java.util.List;
import org.factlab.data.tabular.DatasetRoots;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.FieldError;
import org.factlab.experiments.Preset;
import org.factlab.experiments.RunContext;

/**
 * Paper Table 3: Laplace kernel regression, NFA-RFM and FACT-RFM (with and without geometric averaging) on real
 * classification tables, with the training and cross-validation protocol of Radhakrishnan et al. on the
 * benchmark of Fernández-Delgado et al. Series: {@link TabularSeries}; summary: {@link TabularResults#summary()}.
 */
public final class TabularKind implements ExperimentKind<TabularSpec> {

    @Override
    public String id() {
        return "tabular";
    }

    @Override
    public String title() {
        return "Tabular benchmark: kernel regression vs NFA-RFM vs FACT-RFM (Table 3)";
    }

    @Override
    public String description() {
        return "Runs a suite of classification tables (the bundled UCI tables in data/uci, or your own CSV, ARFF or "
                + "LIBSVM files there) through Laplace kernel regression, NFA-RFM and FACT-RFM. Per dataset: "
                + "stratified k-fold cross-validation (k = 4 as in the benchmark); in each fold a quarter of the "
                + "training rows validates, features are standardised with the training rows' statistics, and the "
                + "ridge value and the RFM iteration 0…T with the best validation accuracy give the fold's test "
                + "accuracy. Records each dataset's accuracy per method and the chosen hyper-parameters; the summary "
                + "has the mean accuracy per method and how many datasets each method wins.";
    }

    @Override
    public Class<TabularSpec> specType() {
        return TabularSpec.class;
    }

    @Override
    public TabularSpec defaultSpec() {
        return TabularPresets.QUICK.spec();
    }

    @Override
    public List<Preset<TabularSpec>> presets() {
        return TabularPresets.ALL;
    }

    @Override
    public List<String> headlineSeries() {
        return TabularSeries.METHODS.stream().map(m -> TabularSeries.MEAN_TEST_ACCURACY + m).toList();
    }

    /** With a row cap: the n×n buffers of a capped dataset's training rows (9/16 of the rows at k = 4). */
    @Override
    public long estimateMemoryBytes(TabularSpec spec) {
        return spec.maxRows() == 0 ? 0 : TabularSuite.estimateBytes(spec.maxRows() * 9L / 16, 0, 1, 1);
    }

    /** The folder must lie inside a datasets root, after links are followed. */
    @Override
    public List<FieldError> launchProblems(TabularSpec spec, List<Path> datasetRoots) {
        try {
            new DatasetRoots(datasetRoots).resolve(spec.folder());
            return List.of();
        } catch (DatasetRoots.Refused e) {
            return List.of(new FieldError("folder", e.getMessage()));
        }
    }

    @Override
    public void run(TabularSpec spec, RunContext ctx) {
        new TabularSuite(spec, ctx).run();
    }
}
