package org.factlab.experiments.sections;

import java.util.List;
import java.util.Map;

/**
 * A dataset × method table of test accuracies read from series {@code <prefix>{dataset}/{method}/test_accuracy}
 * (and the per-dataset sizes beside them), with the paper's averages per method for comparison and a scatter of
 * per-dataset accuracies, one method against others ({@link ResultsTable} reads it back). Claims every series under
 * the prefix: per-fold values stay in the metrics CSV.
 *
 * @param description  how the numbers were obtained (the protocol), shown above the table
 * @param methods      the methods in table order, with the titles the paper gives them
 * @param scatter      the methods the scatter compares, one point per dataset
 * @param paperMeans   the paper's average accuracy per method id
 * @param paperSource  what the paper's averages are over, e.g. "paper (120 UCI datasets)"
 */
public record ResultsTableSection(
        String id,
        String title,
        String description,
        String prefix,
        List<Method> methods,
        Scatter scatter,
        Map<String, Double> paperMeans,
        String paperSource)
        implements Section {

    /** Per dataset and method: the mean test accuracy over the folds (step 0). */
    public static final String TEST_ACCURACY = "test_accuracy";
    /** Per dataset and method, or per dataset: 1 when it failed (the reason is in the run's notes). */
    public static final String FAILED = "failed";
    /** Per dataset and method, per fold f at step f: the chosen ridge and iteration count. */
    public static final String REG = "reg";

    public static final String ITERATIONS = "iterations";
    /** Per dataset (step 0): its size as used and the majority-class accuracy. */
    public static final String ROWS = "rows";

    public static final String FEATURES = "features";
    public static final String CLASSES = "classes";
    public static final String MAJORITY_ACCURACY = "majority_accuracy";
    /** Summary key prefix: {@code seconds/<name>}, the wall-clock seconds a dataset took. */
    public static final String SECONDS = "seconds/";
    /** Summary: mean test accuracy of a method over the datasets on which every method succeeded. */
    public static final String MEAN_TEST_ACCURACY = "mean_test_accuracy/";
    /** Summary: on how many of those datasets a method has the best accuracy (ties count for each). */
    public static final String DATASETS_BEST = "datasets_best/";
    /** Summary: the number of datasets in those means. */
    public static final String DATASETS_COMPARED = "datasets_compared";
    /** Summary: datasets that failed as a whole or for some method. */
    public static final String DATASETS_FAILED = "datasets_failed";

    /** A method of the table: its id in series names and the paper's title of it. */
    public record Method(String id, String title) {}

    /** The scatter: method {@code x}'s accuracy on the horizontal axis against each of {@code y}'s. */
    public record Scatter(String x, List<String> y) {
        public Scatter {
            y = List.copyOf(y);
        }
    }

    public ResultsTableSection {
        methods = List.copyOf(methods);
        paperMeans = Map.copyOf(paperMeans);
    }

    /** The method ids in table order. */
    public List<String> methodIds() {
        return methods.stream().map(Method::id).toList();
    }

    /** The paper's title of a method id (the id itself when the table does not list it). */
    public String methodTitle(String method) {
        return methods.stream()
                .filter(m -> m.id().equals(method))
                .map(Method::title)
                .findFirst()
                .orElse(method);
    }

    /** {@code <prefix><dataset>/<method>/<what>}. */
    public String series(String dataset, String method, String what) {
        return prefix + dataset + "/" + method + "/" + what;
    }

    /** {@code <prefix><dataset>/<what>}. */
    public String series(String dataset, String what) {
        return prefix + dataset + "/" + what;
    }

    @Override
    public List<Declared> declared() {
        return List.of(new Declared(prefix + "{dataset}/{method}/" + TEST_ACCURACY, Declared.Source.SERIES, null));
    }

    @Override
    public boolean claims(String series) {
        return series.startsWith(prefix);
    }
}
