package org.factlab.runs.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.factlab.experiments.mlp.MlpKind;
import org.factlab.experiments.quadratic.QuadraticKind;
import org.factlab.experiments.sections.Section;
import org.factlab.runs.Run;
import org.factlab.runs.RunStatus;
import org.junit.jupiter.api.Test;

/** Compared runs grouped into curves, labelled by the fields in which they differ only; the mean ± std band. */
class CompareGroupsTest {

    @Test
    void eachRunIsLabelledByTheFieldsInWhichTheRunsDifferOnly() {
        List<Run> runs =
                List.of(quadratic("a", 0.02, 1e-7, 1), quadratic("b", 0.02, 1e-7, 2), quadratic("c", 0.05, 1e-7, 1));
        List<String> labels = CompareGroups.of(runs, CompareGroups.GROUP_NONE, null).stream()
                .map(CompareGroups.Group::label)
                .toList();
        assertEquals(
                List.of("τ = 0.02, seed 1", "τ = 0.02, seed 2", "τ = 0.05, seed 1"),
                labels,
                "λ, width and the rest are equal in every run and left out");
        assertEquals(List.of("tau", "seed"), CompareGroups.varyingFields(runs), "the seed comes last");
    }

    @Test
    void runsDifferingOnlyInSeedAreOneMeanCurveLabelledWithoutTheSeed() {
        List<Run> runs =
                List.of(quadratic("a", 0.02, 1e-7, 1), quadratic("b", 0.02, 1e-7, 2), quadratic("c", 0.02, 1e-6, 1));
        List<CompareGroups.Group> groups = CompareGroups.of(runs, CompareGroups.GROUP_SPEC, null);
        assertEquals(
                List.of("λ = 1e-7 (mean of 2 runs)", "λ = 1e-6, seed 1"),
                groups.stream().map(CompareGroups.Group::label).toList());
        assertEquals(
                List.of("a", "b"), groups.get(0).runs().stream().map(Run::id).toList());
    }

    @Test
    void aColourFieldLeadsTheLabelAndOrdersTheGroupsByValue() {
        List<Run> runs = List.of(parity("a", 1000, 0), parity("b", 1000, 1), parity("c", 2000, 0), parity("d", 500, 0));
        List<CompareGroups.Group> bySpec = CompareGroups.of(runs, CompareGroups.GROUP_SPEC, "n");
        assertEquals(
                List.of("n = 500, seed 0", "n = 1000 (mean of 2 runs)", "n = 2000, seed 0"),
                bySpec.stream().map(CompareGroups.Group::label).toList());
        assertEquals(
                List.of("n = 1000 (mean of 2 runs)", "n = 2000", "n = 500"),
                CompareGroups.of(runs, "n", null).stream()
                        .map(CompareGroups.Group::label)
                        .toList(),
                "grouped by a field: that field only, in run order");
        List<String> colours = CompareGroups.colours(bySpec, "n");
        Map<Object, String> byValue = CurveColours.of(List.of(500, 1000, 2000));
        assertEquals(List.of(byValue.get(500), byValue.get(1000), byValue.get(2000)), colours);
    }

    @Test
    void runsWithEqualSpecsAreToldApartByNameAndThenId() {
        List<Run> runs = List.of(parity("a", 1000, 0), parity("b", 1000, 0));
        assertEquals(
                List.of("run a", "run b"),
                CompareGroups.of(runs, CompareGroups.GROUP_NONE, null).stream()
                        .map(CompareGroups.Group::label)
                        .toList());
        Map<String, Object> spec = Map.of("n", 1000, "seed", 0L);
        List<Run> sameName = List.of(
                run("a", "parity", spec, 0),
                run("b", "parity", spec, 0),
                new Run(
                        "c",
                        "run a",
                        "parity",
                        "quick",
                        spec,
                        0,
                        RunStatus.SUCCEEDED,
                        null,
                        Instant.EPOCH,
                        null,
                        null,
                        null,
                        null,
                        Map.of(),
                        0,
                        0,
                        null,
                        List.of(),
                        null));
        assertEquals(
                List.of("run a [a]", "run b", "run a [c]"),
                CompareGroups.of(sameName, CompareGroups.GROUP_NONE, null).stream()
                        .map(CompareGroups.Group::label)
                        .toList());
    }

    @Test
    void valuesAreWrittenShortestAndNeverAsJavaStrings() {
        assertEquals("0.3", FieldText.number(0.1 + 0.2));
        assertEquals("1e-7", FieldText.number(1e-7));
        assertEquals("2.5e-5", FieldText.number(2.5e-5));
        assertEquals("20000", FieldText.number(20000.0));
        assertEquals("600000", FieldText.number(6e5));
        assertEquals("-0.125", FieldText.number(-0.125));
        Map<String, Object> mixed = new LinkedHashMap<>();
        mixed.put("kernel", 1);
        mixed.put("nfa", 0.5);
        assertEquals("kernel 1, nfa 0.5", FieldText.value(mixed));
        assertEquals("10, 100, 1000", FieldText.value(List.of(10, 100, 1000)));
        assertEquals("seed 3", FieldText.of("seed", 3L));
    }

    @Test
    void theBandIsMeanAndSampleStdAtCommonSteps() {
        TreeMap<Long, Double> first = new TreeMap<>(Map.of(0L, 1.0, 1L, 2.0, 2L, 3.0));
        TreeMap<Long, Double> second = new TreeMap<>(Map.of(0L, 3.0, 2L, 5.0));
        CurveBand band = CurveBand.of(List.of(first, second));
        assertArrayEquals(new double[] {0, 2}, band.steps());
        assertArrayEquals(new double[] {2, 4}, band.mean());
        assertArrayEquals(new double[] {Math.sqrt(2), Math.sqrt(2)}, band.std(), 1e-15);
        assertArrayEquals(new double[] {2 + Math.sqrt(2), 4 + Math.sqrt(2)}, band.upper(), 1e-15);
        assertArrayEquals(new double[] {0, 0, 0}, CurveBand.of(List.of(first)).std(), "one run: no band");
    }

    @Test
    void chartsTakeTheFixedRangeTheirKindDeclares() {
        List<Section> quadratic = new QuadraticKind().sections();
        List<Section> mlp = new MlpKind().sections();
        assertArrayEquals(
                new double[] {0, 1},
                AxisRange.fixed(quadratic, "fact/cosine", 0.1, 0.99),
                "a similarity axis without negative values");
        assertArrayEquals(
                new double[] {-1, 1},
                AxisRange.fixed(mlp, "layer2/fact/pearson", -0.2, 0.9),
                "a layer chart's pattern, any layer");
        assertArrayEquals(new double[] {0, 1}, AxisRange.fixed(mlp, "test/accuracy", 0.5, 0.9));
        assertNull(AxisRange.fixed(mlp, "test/accuracy", 50, 90), "values outside the declared range");
        assertNull(AxisRange.fixed(quadratic, "grad_norm", 0, 3), "a logarithmic axis follows the data");
        assertNull(AxisRange.fixed(quadratic, "test_accuracy", 0.5, 0.9), "no section charts it: no guess by name");
    }

    private static Run quadratic(String id, double tau, double lambda, long seed) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("width", 10);
        spec.put("tau", tau);
        spec.put("lambda", lambda);
        spec.put("seed", seed);
        return run(id, "quadratic", spec, seed);
    }

    private static Run parity(String id, int n, long seed) {
        return run(id, "parity", Map.of("n", n, "seed", seed, "k", 2), seed);
    }

    private static Run run(String id, String kind, Map<String, Object> spec, long seed) {
        return new Run(
                id,
                "run " + id,
                kind,
                "quick",
                spec,
                seed,
                RunStatus.SUCCEEDED,
                null,
                Instant.EPOCH,
                null,
                null,
                null,
                null,
                Map.of(),
                0,
                0,
                null,
                List.of(),
                null);
    }
}
