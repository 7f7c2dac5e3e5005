package org.factlab.experiments.tabular;

import java.nio.file.Path;
import java.util.List;
import org.factlab.data.tabular.DatasetRoots;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.FieldError;
import org.factlab.experiments.Preset;
import org.factlab.experiments.RunContext;
import org.factlab.experiments.sections.Section;

/**
 * Paper Table 3: Laplace kernel regression, NFA-RFM and FACT-RFM (with and without geometric averaging) on real
 * classification tables, under one of two protocols: {@code nested} (hyper-parameters and M chosen inside each
 * fold, {@link ModelSelection}) or {@code benchmark} (the procedure of Radhakrishnan et al. on the benchmark of
 * Fernández-Delgado et al., {@link BenchmarkProtocol}). Series: {@link TabularSeries}; summary:
 * {@link org.factlab.experiments.sections.ResultsTable#summary()}.
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
                + "LIBSVM files there) through Laplace kernel regression, NFA-RFM and FACT-RFM. Protocol benchmark "
                + "(the RFM paper's procedure): per dataset, the ridge value, row L2-normalisation on/off and the "
                + "RFM iteration 0…T are chosen once on a stratified half/half selection split, then stratified k-fold "
                + "cross-validation (k = 4) refits only α with the M learned there. Protocol nested (stricter: no "
                + "test row ever seen): in each fold a quarter of the training rows validates, features are "
                + "standardised with the training rows' statistics, and the ridge value and the RFM iteration with "
                + "the best validation accuracy, M learned on the fold, give the fold's test accuracy. Records each "
                + "dataset's accuracy per method and the chosen hyper-parameters; the summary "
                + "has the mean accuracy per method and how many datasets each method wins.";
    }

    @Override
    public Class<TabularSpec> specType() {
        return TabularSpec.class;
    }

    @Override
    public TabularSpec defaultSpec() {
        return TabularPresets.DEFAULTS;
    }

    @Override
    public List<Preset<TabularSpec>> presets() {
        return TabularPresets.ALL;
    }

    @Override
    public List<Section> sections() {
        return TabularSections.all();
    }

    @Override
    public List<String> headlineSeries() {
        return TabularSeries.METHODS.stream()
                .map(m -> TabularSeries.MEAN_TEST_ACCURACY + m)
                .toList();
    }

    /**
     * With a row cap: the n×n buffers of a capped dataset's training rows (nested: 9/16 of the rows at k = 4;
     * benchmark: 3/4).
     */
    @Override
    public long estimateMemoryBytes(TabularSpec spec) {
        return spec.maxRows() == 0
                ? 0
                : TabularSuite.estimateBytes((long) Math.ceil(spec.maxRows() * TabularSuite.trainShare(spec)), 0, 1, 1);
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
