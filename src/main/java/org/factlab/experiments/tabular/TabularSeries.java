package org.factlab.experiments.tabular;

import java.util.List;
import org.factlab.choice.Choice;
import org.factlab.experiments.sections.ResultsTableSection;
import org.factlab.kernels.FeatureUpdate;

/**
 * Series and summary names of the tabular kind (public contract: CSV headers, the run page's results table; the
 * names the table reads are {@link ResultsTableSection}'s).
 * Per dataset and method, at step 0: {@code dataset/<name>/<method>/test_accuracy} (mean over the folds); per
 * fold f at step f: {@code …/fold_test_accuracy}, {@code …/validation_accuracy} and the chosen hyper-parameters
 * {@code …/reg} and {@code …/iterations}; {@code …/failed} = 1 when the method failed on the dataset. Per dataset
 * at step 0: {@code dataset/<name>/rows}, {@code /features}, {@code /classes} (as used, after any cap),
 * {@code /majority_accuracy} (predicting the training part's most frequent class), and {@code /failed} = 1 when
 * the dataset could not be used at all. With {@code protocol = benchmark} the per-fold reg and iterations are the
 * ones chosen once on the selection split (the same at every fold), {@code …/validation_accuracy} is that split's,
 * {@code …/row_normalised} = 1 when rows were scaled to unit L2 norm, and the matrix {@code dataset/<name>/split}
 * (2 × rows, step 0) records the selection split (row 0: 1 = validation half) and the fold of every row (row 1).
 * The wall-clock time of each dataset is a summary value
 * {@code seconds/<name>}, not a series, so that series stay reproducible.
 */
public final class TabularSeries {

    public static final String PREFIX = "dataset/";

    public static final String TEST_ACCURACY = ResultsTableSection.TEST_ACCURACY;
    public static final String FOLD_TEST_ACCURACY = "fold_test_accuracy";
    public static final String VALIDATION_ACCURACY = "validation_accuracy";
    public static final String REG = ResultsTableSection.REG;
    public static final String ITERATIONS = ResultsTableSection.ITERATIONS;
    public static final String FAILED = ResultsTableSection.FAILED;
    /** Benchmark protocol: 1 when the chosen fit scales rows to unit L2 norm, else 0. */
    public static final String ROW_NORMALIZED = "row_normalised";
    /** Benchmark protocol: the matrix recording the selection split and the folds. */
    public static final String SPLIT = "split";

    public static final String ROWS = ResultsTableSection.ROWS;
    public static final String FEATURES = ResultsTableSection.FEATURES;
    public static final String CLASSES = ResultsTableSection.CLASSES;
    public static final String MAJORITY_ACCURACY = ResultsTableSection.MAJORITY_ACCURACY;
    /** Summary key prefix: {@code seconds/<name>}, the wall-clock seconds a dataset took. */
    public static final String SECONDS = ResultsTableSection.SECONDS;

    /** Summary: mean test accuracy of a method over the datasets on which every chosen method succeeded. */
    public static final String MEAN_TEST_ACCURACY = ResultsTableSection.MEAN_TEST_ACCURACY;
    /** Summary: on how many of those datasets a method has the best accuracy (ties count for each). */
    public static final String DATASETS_BEST = ResultsTableSection.DATASETS_BEST;
    /** Summary: the number of datasets in those means. */
    public static final String DATASETS_COMPARED = ResultsTableSection.DATASETS_COMPARED;
    /** Summary: datasets that failed as a whole or for some method. */
    public static final String DATASETS_FAILED = ResultsTableSection.DATASETS_FAILED;

    /** Method ids (the RFM updates' ids), for pages that may not see {@link FeatureUpdate} itself. */
    public static final String KERNEL = FeatureUpdate.KERNEL.id();

    public static final String NFA = FeatureUpdate.NFA.id();
    public static final String FACT = FeatureUpdate.FACT.id();
    public static final String FACT_GEOMETRIC = FeatureUpdate.FACT_GEOMETRIC.id();
    /** The method ids in table order; {@link #METHOD_TITLES} has the names the paper's Table 3 uses. */
    public static final List<String> METHODS = Choice.ids(FeatureUpdate.class);

    public static final List<String> METHOD_TITLES = List.of(
            "Laplace kernel regression", "NFA-RFM", "FACT-RFM (no averaging)", "FACT-RFM (geometric averaging)");

    private TabularSeries() {}

    /** {@code dataset/<name>/<method>/<what>}. */
    public static String of(String dataset, String method, String what) {
        return PREFIX + dataset + "/" + method + "/" + what;
    }

    /** {@code dataset/<name>/<what>}. */
    public static String of(String dataset, String what) {
        return PREFIX + dataset + "/" + what;
    }

    /** The paper's title of a method id. */
    public static String title(String method) {
        int i = METHODS.indexOf(method);
        return i < 0 ? method : METHOD_TITLES.get(i);
    }
}
