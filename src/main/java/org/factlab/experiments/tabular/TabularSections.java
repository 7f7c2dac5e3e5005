package org.factlab.experiments.tabular;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.factlab.experiments.sections.KeyNumbersSection;
import org.factlab.experiments.sections.KeyNumbersSection.Format;
import org.factlab.experiments.sections.KeyNumbersSection.KeyNumber;
import org.factlab.experiments.sections.ResultsTableSection;
import org.factlab.experiments.sections.ResultsTableSection.Method;
import org.factlab.experiments.sections.ResultsTableSection.Scatter;
import org.factlab.experiments.sections.Section;

/** The run page of the tabular kind: mean accuracies as key numbers, then the dataset × method table (Table 3). */
final class TabularSections {

    /** Table 3 of the paper: average test accuracy over 120 UCI datasets, by method id. */
    static final Map<String, Double> PAPER = Map.of(
            TabularSeries.KERNEL,
            0.8371,
            TabularSeries.NFA,
            0.8510,
            TabularSeries.FACT,
            0.8522,
            TabularSeries.FACT_GEOMETRIC,
            0.8499);

    /** How a dataset's accuracy is obtained, shown above the table. */
    private static final String PROTOCOL = "Protocol: per dataset, stratified k-fold cross-validation (k = folds; the "
            + "benchmark's 4). In each fold a quarter of the training rows is held out for validation; features are "
            + "standardised with the mean and standard deviation of the remaining training rows (missing values "
            + "become their training mean), nominal attributes are one-hot and classes one-hot targets. For every "
            + "ridge value (10, 1, 0.1, 0.01, 0.001 by default) the Recursive Feature Machine with the Laplace kernel "
            + "exp(−‖x − z‖_M/L), L = 10, runs T = 5 updates; the fit (reg, iteration 0…T) with the best validation "
            + "accuracy gives the fold's test accuracy (Laplace kernel regression: iteration 0). A dataset's "
            + "accuracy is the mean over its folds. Large tables can be capped by a stratified subsample (maxRows).";

    /** The dataset × method table (Table 3), with FACT-RFM and its geometric variant against NFA-RFM per dataset. */
    static final ResultsTableSection TABLE = new ResultsTableSection(
            "tabular",
            "Results (paper Table 3)",
            PROTOCOL,
            TabularSeries.PREFIX,
            TabularSeries.METHODS.stream()
                    .map(m -> new Method(m, TabularSeries.title(m)))
                    .toList(),
            new Scatter(TabularSeries.NFA, List.of(TabularSeries.FACT, TabularSeries.FACT_GEOMETRIC)),
            PAPER,
            "paper (120 UCI datasets)");

    private TabularSections() {}

    static List<Section> all() {
        List<KeyNumber> keys = new ArrayList<>();
        for (String method : TabularSeries.METHODS) {
            keys.add(KeyNumber.of(
                    TabularSeries.MEAN_TEST_ACCURACY + method,
                    "Mean test accuracy, " + TabularSeries.title(method),
                    Format.PERCENT));
        }
        keys.add(KeyNumber.of(TabularSeries.DATASETS_COMPARED, "Datasets in the means", Format.WHOLE));
        keys.add(KeyNumber.of(TabularSeries.DATASETS_FAILED, "Datasets with a failure", Format.WHOLE));
        return List.of(new KeyNumbersSection("key-numbers", "Key numbers", keys), TABLE);
    }
}
