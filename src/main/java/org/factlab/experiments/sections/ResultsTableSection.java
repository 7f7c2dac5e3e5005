package org.factlab.experiments.sections;

import java.util.List;
import java.util.Map;

/**
 * A dataset × method table of test accuracies read from series {@code <prefix>{dataset}/{method}/test_accuracy}
 * (and the per-dataset sizes beside them), with the paper's averages per method for comparison. Claims every series
 * under the prefix: per-fold values stay in the metrics CSV.
 *
 * @param paperMeans   the paper's average accuracy per method id
 * @param paperSource  what the paper's averages are over, e.g. "paper (120 UCI datasets)"
 */
public record ResultsTableSection(String id, String title, String prefix, Map<String, Double> paperMeans,
                                  String paperSource) implements Section {

    public ResultsTableSection {
        paperMeans = Map.copyOf(paperMeans);
    }

    @Override
    public List<Declared> declared() {
        return List.of(new Declared(prefix + "{dataset}/{method}/test_accuracy", Declared.Source.SERIES, null));
    }

    @Override
    public boolean claims(String series) {
        return series.startsWith(prefix);
    }
}
