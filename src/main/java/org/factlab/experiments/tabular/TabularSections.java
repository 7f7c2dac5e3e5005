package org.factlab.experiments.tabular;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.factlab.experiments.sections.KeyNumbersSection;
import org.factlab.experiments.sections.KeyNumbersSection.Format;
import org.factlab.experiments.sections.KeyNumbersSection.KeyNumber;
import org.factlab.experiments.sections.ResultsTableSection;
import org.factlab.experiments.sections.Section;

/** The run page of the tabular kind: mean accuracies as key numbers, then the dataset × method table (Table 3). */
final class TabularSections {

    /** Table 3 of the paper: average test accuracy over 120 UCI datasets, by method id. */
    static final Map<String, Double> PAPER = Map.of(TabularSeries.KERNEL, 0.8371, TabularSeries.NFA, 0.8510,
            TabularSeries.FACT, 0.8522, TabularSeries.FACT_GEOMETRIC, 0.8499);

    private TabularSections() {
    }

    static List<Section> all() {
        List<KeyNumber> keys = new ArrayList<>();
        for (String method : TabularSeries.METHODS) {
            keys.add(KeyNumber.of(TabularSeries.MEAN_TEST_ACCURACY + method,
                    "Mean test accuracy, " + TabularSeries.title(method), Format.PERCENT));
        }
        keys.add(KeyNumber.of(TabularSeries.DATASETS_COMPARED, "Datasets in the means", Format.WHOLE));
        keys.add(KeyNumber.of(TabularSeries.DATASETS_FAILED, "Datasets with a failure", Format.WHOLE));
        return List.of(new KeyNumbersSection("key-numbers", "Key numbers", keys),
                new ResultsTableSection("tabular", "Results (paper Table 3)", TabularSeries.PREFIX, PAPER,
                        "paper (120 UCI datasets)"));
    }
}
