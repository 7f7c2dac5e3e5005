package org.factlab.experiments.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.factlab.experiments.RecordingRunContext;
import org.factlab.experiments.SpecCodec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protocol on two tiny datasets and a broken file (deterministic, failures recorded with file and line, the
 * suite goes on, the summary is the mean of the recorded accuracies), and every method against the majority-class
 * baseline on iris.
 */
class TabularKindTest {

    @TempDir
    static Path folder;

    private static final List<Double> REGS = List.of(1.0, 0.01);

    @BeforeAll
    static void writeDatasets() throws IOException {
        Random random = new Random(5);
        StringBuilder blobs = new StringBuilder("x,y,class\n");
        for (int i = 0; i < 45; i++) {
            int c = i % 3;
            blobs.append(String.format(
                    Locale.ROOT,
                    "%.4f,%.4f,c%d%n",
                    4 * c + 0.5 * random.nextGaussian(),
                    (c == 1 ? 4 : 0) + 0.5 * random.nextGaussian(),
                    c));
        }
        Files.writeString(folder.resolve("blobs.csv"), blobs);
        StringBuilder arff = new StringBuilder("@relation mixed\n@attribute shape {round, square}\n"
                + "@attribute noise numeric\n@attribute class {yes, no}\n@data\n");
        for (int i = 0; i < 40; i++) {
            boolean round = i % 2 == 0;
            arff.append(round ? "round," : "square,")
                    .append(i % 7 == 0 ? "?" : String.format(Locale.ROOT, "%.3f", random.nextGaussian()))
                    .append(round ? ",yes\n" : ",no\n");
        }
        Files.writeString(folder.resolve("mixed.arff"), arff);
        Files.writeString(folder.resolve("broken.csv"), "1,2,a\n3,4,b\n5,b\n");
    }

    @Test
    void suiteIsDeterministicRecordsFailuresAndGoesOn() {
        TabularSpec spec = SpecCodec.override(
                new TabularKind().defaultSpec(),
                Map.of(
                        "datasets",
                        List.of(),
                        "seed",
                        3,
                        "regs",
                        REGS,
                        "folder",
                        folder.getFileName().toString(),
                        "protocol",
                        TabularSpec.NESTED));
        RecordingRunContext first = runWithTempRoot(spec);
        RecordingRunContext second = runWithTempRoot(spec);
        assertEquals(first.series(), second.series(), "same spec and seed, same numbers");

        assertEquals(1.0, first.last(TabularSeries.of("broken", TabularSeries.FAILED)));
        assertEquals(1, first.notes().size());
        assertTrue(
                first.notes().get(0).startsWith("dataset/broken: ")
                        && first.notes().get(0).contains("broken.csv:3"),
                first.notes().get(0));
        for (String dataset : List.of("blobs", "mixed")) {
            for (String method : TabularSeries.METHODS) {
                double accuracy = first.last(TabularSeries.of(dataset, method, TabularSeries.TEST_ACCURACY));
                assertTrue(accuracy >= 0.9, dataset + "/" + method + ": " + accuracy);
                assertEquals(
                        2,
                        first.series(TabularSeries.of(dataset, method, TabularSeries.REG))
                                .size(),
                        "one chosen reg per fold");
                assertTrue(REGS.containsAll(first.series(TabularSeries.of(dataset, method, TabularSeries.REG))
                        .values()));
            }
            double folds =
                    first.series(TabularSeries.of(dataset, "nfa", TabularSeries.FOLD_TEST_ACCURACY)).values().stream()
                            .mapToDouble(Double::doubleValue)
                            .average()
                            .orElseThrow();
            assertEquals(
                    folds,
                    first.last(TabularSeries.of(dataset, "nfa", TabularSeries.TEST_ACCURACY)),
                    1e-12,
                    "a dataset's accuracy is the mean over its folds");
        }
        for (String method : TabularSeries.METHODS) {
            double mean = (first.last(TabularSeries.of("blobs", method, TabularSeries.TEST_ACCURACY))
                            + first.last(TabularSeries.of("mixed", method, TabularSeries.TEST_ACCURACY)))
                    / 2;
            assertEquals(mean, first.summary().get(TabularSeries.MEAN_TEST_ACCURACY + method), 1e-12);
        }
        assertEquals(2.0, first.summary().get(TabularSeries.DATASETS_COMPARED));
        assertTrue(first.summary().get(TabularSeries.SECONDS + "blobs") > 0, "time per dataset in the summary");
        assertEquals(1.0, first.summary().get(TabularSeries.DATASETS_FAILED));
        long[] last = first.progress().get(first.progress().size() - 1);
        assertEquals(3L * 4 * 2, last[1]);
        assertEquals(last[1], last[0]);
    }

    @Test
    void everyMethodBeatsMajorityGuessingOnIris() {
        TabularSpec spec = SpecCodec.override(
                new TabularKind().defaultSpec(),
                Map.of("datasets", List.of("iris"), "regs", REGS, "iterations", 1, "protocol", TabularSpec.NESTED));
        RecordingRunContext ctx = run(spec);
        double majority = ctx.last(TabularSeries.of("iris", TabularSeries.MAJORITY_ACCURACY));
        assertEquals(1 / 3.0, majority, 0.02, "iris has three equal classes");
        for (String method : TabularSeries.METHODS) {
            double accuracy = ctx.last(TabularSeries.of("iris", method, TabularSeries.TEST_ACCURACY));
            assertTrue(accuracy > majority + 0.5, method + ": " + accuracy + " vs majority " + majority);
        }
    }

    /** Runs with the temporary folder's parent as an extra dataset root (folders are names inside a root). */
    private static RecordingRunContext runWithTempRoot(TabularSpec spec) {
        RecordingRunContext ctx = new RecordingRunContext().withExtraDatasetRoot(folder.getParent());
        new TabularKind().run(spec, ctx);
        return ctx;
    }

    private static RecordingRunContext run(TabularSpec spec) {
        RecordingRunContext ctx = new RecordingRunContext();
        new TabularKind().run(spec, ctx);
        return ctx;
    }
}
