package org.factlab.experiments.tabular;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.factlab.choice.Choice;
import org.factlab.data.tabular.DatasetRoots;
import org.factlab.data.tabular.Table;
import org.factlab.data.tabular.TableFolder;
import org.factlab.experiments.RunContext;
import org.factlab.experiments.sections.ResultsTable;
import org.factlab.kernels.FeatureUpdate;
import org.factlab.kernels.KernelFunction;
import org.factlab.kernels.Normalization;
import org.factlab.kernels.Precision;
import org.factlab.kernels.RecursiveFeatureMachine;
import org.factlab.kernels.RfmOptions;
import org.factlab.math.WrongArithmeticException;

/**
 * One run of the tabular kind: every chosen dataset in turn (read, capped, split into folds), every method on
 * every fold ({@link ModelSelection}), each result recorded as it is known. A dataset or method that fails (bad
 * file, too large for the memory budget, singular system) is recorded as failed, with its reason in the run's
 * notes, and the suite goes on. Progress counts dataset × method × fold units.
 */
final class TabularSuite {

    private final TabularSpec spec;
    private final RunContext ctx;
    private final List<String> methods;
    private final Map<String, TreeMap<Long, Double>> recorded = new TreeMap<>();
    private final List<String> notes = new java.util.ArrayList<>();
    private long done;
    private long total;

    TabularSuite(TabularSpec spec, RunContext ctx) {
        this.spec = spec;
        this.ctx = ctx;
        this.methods = spec.orderedMethods();
    }

    void run() {
        TableFolder folder = TableFolder.open(new DatasetRoots(ctx.datasetRoots()), spec.folder());
        List<String> names = spec.datasets().isEmpty() ? folder.names() : spec.datasets();
        total = (long) names.size() * methods.size() * spec.folds();
        for (String name : names) {
            if (!runDataset(folder, name)) {
                return;
            }
        }
        ResultsTable.of(TabularSections.TABLE, recorded, Map.of(), notes)
                .summary()
                .forEach(ctx::summary);
    }

    /** Runs one dataset; false when the run was cancelled. */
    private boolean runDataset(TableFolder folder, String name) {
        long start = System.nanoTime();
        long unitsAtStart = done;
        Table table;
        Fold[] folds = null;
        BenchmarkProtocol benchmark = null;
        try {
            table = folder.load(name, spec.maxRows(), seed(name), readingBudget());
            checkMemory(table);
            boolean standardize = "train".equals(spec.standardize());
            if (spec.benchmark()) {
                benchmark = BenchmarkProtocol.of(table, spec.folds(), seed(name), standardize);
            } else {
                folds = Fold.of(table, spec.folds(), seed(name), standardize);
            }
        } catch (WrongArithmeticException e) {
            throw e; // wrong library arithmetic ends the run FAILED, never one failed dataset
        } catch (RuntimeException e) {
            fail(TabularSeries.of(name, ""), message(e));
            advanceTo(unitsAtStart + (long) methods.size() * spec.folds());
            return !ctx.cancelled();
        }
        Map<String, Double> info = new LinkedHashMap<>();
        info.put(TabularSeries.of(name, TabularSeries.ROWS), (double) table.rows());
        info.put(TabularSeries.of(name, TabularSeries.FEATURES), (double) table.featureCount());
        info.put(TabularSeries.of(name, TabularSeries.CLASSES), (double) table.classCount());
        info.put(
                TabularSeries.of(name, TabularSeries.MAJORITY_ACCURACY),
                benchmark != null
                        ? benchmark.majorityAccuracy()
                        : java.util.Arrays.stream(folds)
                                .mapToDouble(Fold::majorityAccuracy)
                                .average()
                                .orElseThrow());
        if (benchmark != null) {
            ctx.matrix(TabularSeries.of(name, TabularSeries.SPLIT), 0, 2, table.rows(), benchmark.splitMatrix());
        }
        if (!record(0, info)) {
            return false;
        }
        for (String method : methods) {
            if (!(benchmark != null ? runBenchmarkMethod(name, method, benchmark) : runMethod(name, method, folds))) {
                return false;
            }
        }
        ctx.summary(TabularSeries.SECONDS + name, (System.nanoTime() - start) / 1e9);
        return true;
    }

    /** Runs one method on every fold; false when the run was cancelled. */
    private boolean runMethod(String name, String method, Fold[] folds) {
        FeatureUpdate update = Choice.fromId(FeatureUpdate.class, method);
        double sum = 0;
        long methodStart = done;
        for (int f = 0; f < folds.length; f++) {
            ModelSelection.Choice choice;
            try {
                choice = ModelSelection.choose(folds[f], spec.candidates(update), ctx::cancelled);
            } catch (WrongArithmeticException e) {
                throw e; // wrong library arithmetic ends the run FAILED, never one failed dataset
            } catch (RuntimeException e) {
                fail(TabularSeries.of(name, method, ""), "fold " + (f + 1) + " of " + folds.length + ": " + message(e));
                advanceTo(methodStart + folds.length);
                return !ctx.cancelled();
            }
            if (choice == null) {
                return false;
            }
            sum += choice.testAccuracy();
            Map<String, Double> values = new LinkedHashMap<>();
            values.put(TabularSeries.of(name, method, TabularSeries.FOLD_TEST_ACCURACY), choice.testAccuracy());
            values.put(TabularSeries.of(name, method, TabularSeries.VALIDATION_ACCURACY), choice.validationAccuracy());
            values.put(TabularSeries.of(name, method, TabularSeries.REG), choice.reg());
            values.put(TabularSeries.of(name, method, TabularSeries.ITERATIONS), (double) choice.iterations());
            done++;
            ctx.progress(done, total);
            if (!record(f, values)) {
                return false;
            }
        }
        return record(0, Map.of(TabularSeries.of(name, method, TabularSeries.TEST_ACCURACY), sum / folds.length));
    }

    /**
     * Runs one method under {@code protocol = benchmark}: the choice on the selection split, then every fold's
     * refit of α; false when the run was cancelled.
     */
    private boolean runBenchmarkMethod(String name, String method, BenchmarkProtocol protocol) {
        long methodStart = done;
        double sum = 0;
        try {
            BenchmarkProtocol.Choice choice =
                    protocol.select(spec.candidates(Choice.fromId(FeatureUpdate.class, method)), ctx::cancelled);
            if (choice == null) {
                return false;
            }
            for (int f = 0; f < protocol.k(); f++) {
                if (ctx.cancelled()) {
                    return false;
                }
                double accuracy = protocol.foldAccuracy(choice, f, spec.rfm(FeatureUpdate.KERNEL, choice.reg()));
                sum += accuracy;
                Map<String, Double> values = new LinkedHashMap<>();
                values.put(TabularSeries.of(name, method, TabularSeries.FOLD_TEST_ACCURACY), accuracy);
                values.put(
                        TabularSeries.of(name, method, TabularSeries.VALIDATION_ACCURACY), choice.validationAccuracy());
                values.put(TabularSeries.of(name, method, TabularSeries.REG), choice.reg());
                values.put(TabularSeries.of(name, method, TabularSeries.ITERATIONS), (double) choice.iterations());
                values.put(
                        TabularSeries.of(name, method, TabularSeries.ROW_NORMALIZED),
                        choice.rowNormalized() ? 1.0 : 0.0);
                done++;
                ctx.progress(done, total);
                if (!record(f, values)) {
                    return false;
                }
            }
        } catch (WrongArithmeticException e) {
            throw e; // wrong library arithmetic ends the run FAILED, never one failed dataset
        } catch (RuntimeException e) {
            fail(TabularSeries.of(name, method, ""), message(e));
            advanceTo(methodStart + protocol.k());
            return !ctx.cancelled();
        }
        return record(0, Map.of(TabularSeries.of(name, method, TabularSeries.TEST_ACCURACY), sum / protocol.k()));
    }

    /** Records one step of values; false when the run was cancelled meanwhile. */
    private boolean record(long step, Map<String, Double> values) {
        ctx.metrics(step, values);
        values.forEach(
                (k, v) -> recorded.computeIfAbsent(k, x -> new TreeMap<>()).put(step, v));
        return !ctx.cancelled();
    }

    /** Marks {@code key} ("dataset/<name>/" or "dataset/<name>/<method>/") failed, with its reason in the notes. */
    private void fail(String key, String reason) {
        String line = key.substring(0, key.length() - 1) + ": " + reason;
        notes.add(line);
        ctx.note(line);
        record(0, Map.of(key + TabularSeries.FAILED, 1.0));
    }

    private void advanceTo(long units) {
        done = units;
        ctx.progress(done, total);
    }

    /**
     * Memory a dataset's rows may take while read: the run's budget, but no more than half the JVM's free heap, so a
     * table that cannot fit is refused before it is read instead of exhausting the server's memory.
     */
    private long readingBudget() {
        Runtime rt = Runtime.getRuntime();
        long freeHeap = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        return Math.min(ctx.memoryBudgetBytes(), freeHeap / 2);
    }

    private void checkMemory(Table table) {
        long trainRows = (long) Math.ceil(table.rows() * trainShare(spec));
        long bytes = estimateBytes(
                trainRows, table.rows() / Math.max(spec.folds(), 4) + 1, table.featureCount(), table.classCount());
        if (bytes > ctx.memoryBudgetBytes()) {
            throw new IllegalArgumentException(String.format(
                    java.util.Locale.ROOT,
                    "%d rows need about %.1f MiB, more " + "than the run's memory budget of %.1f MiB; set maxRows",
                    table.rows(),
                    bytes / 1048576.0,
                    ctx.memoryBudgetBytes() / 1048576.0));
        }
    }

    /**
     * The largest share of a dataset's rows one fit trains on: nested, a fold's training part less its validation
     * quarter; benchmark, k − 1 of the k folds (the selection split's half is smaller).
     */
    static double trainShare(TabularSpec spec) {
        double outsideTest = spec.folds() == 1 ? 0.75 : 1 - 1.0 / spec.folds();
        return spec.benchmark() ? outsideTest : outsideTest * 0.75;
    }

    /** Peak bytes of the RFM on {@code trainRows} training rows (the largest of the methods' options). */
    static long estimateBytes(long trainRows, long testRows, long features, long classes) {
        RfmOptions options = new RfmOptions(
                KernelFunction.LAPLACE,
                1,
                1,
                FeatureUpdate.NFA,
                1,
                false,
                Normalization.NONE,
                false,
                Precision.FLOAT64);
        return RecursiveFeatureMachine.estimateBytes(trainRows, testRows, features, classes, options);
    }

    /** The dataset's own seed: the same dataset gets the same folds whichever other datasets run. */
    private long seed(String dataset) {
        return spec.seed() * 1_000_003L + dataset.hashCode();
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
