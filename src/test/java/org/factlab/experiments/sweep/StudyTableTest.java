package org.factlab.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factlab.experiments.FieldError;
import org.factlab.experiments.SpecValidationException;
import org.junit.jupiter.api.Test;

/** Seed aggregation and the two table layouts, against statistics computed by hand. */
class StudyTableTest {

    private final Map<String, List<Object>> axes = axes();
    private final List<Map<String, Object>> settings = Settings.product(axes);

    private static Map<String, List<Object>> axes() {
        Map<String, List<Object>> a = new LinkedHashMap<>();
        a.put("method", List.of("nfa", "fact"));
        a.put("n", List.of(1000, 2000));
        return a;
    }

    @Test
    void seedStatisticsAreMeanSampleStdAndCount() {
        SeedStats s = SeedStats.of(List.of(1.0, 2.0, 4.0));
        assertEquals(7.0 / 3, s.mean(), 1e-15);
        double m = 7.0 / 3;
        assertEquals(Math.sqrt(((1 - m) * (1 - m) + (2 - m) * (2 - m) + (4 - m) * (4 - m)) / 2), s.std(), 1e-15);
        assertEquals(3, s.n());
        assertEquals(Double.NaN, SeedStats.of(List.of(5.0)).std());
        assertEquals(Double.NaN, SeedStats.of(List.of()).mean());
    }

    @Test
    void bySettingHasTheAxesThenMeanStdNOfEveryKey() {
        List<StudyTable.Result> results = List.of(
                new StudyTable.Result(0, Map.of("acc", 0.5, "loss", 2.0)),
                new StudyTable.Result(0, Map.of("acc", 0.7, "loss", 4.0)),
                new StudyTable.Result(3, Map.of("acc", 1.0)));
        StudyTable table = StudyTable.of(List.copyOf(axes.keySet()), settings, results, List.of());
        TableGrid grid = table.bySetting(table.keys());

        assertEquals(
                List.of("method", "n", "acc.mean", "acc.std", "acc.n", "loss.mean", "loss.std", "loss.n"),
                grid.header());
        assertEquals(4, grid.rows().size());
        assertEquals(
                round(Arrays.asList("nfa", 1000, 0.6, Math.sqrt(0.02), 2, 3.0, Math.sqrt(2.0), 2)),
                round(grid.rows().get(0)));
        assertEquals(
                Arrays.asList("nfa", 2000, null, null, 0, null, null, 0),
                grid.rows().get(1));
        assertEquals(
                Arrays.asList("fact", 2000, 1.0, null, 1, null, null, 0),
                grid.rows().get(3));
    }

    @Test
    void pivotPutsOneColumnGroupPerValueWithPaperValuesBeside() {
        List<StudyTable.Result> results = List.of(
                new StudyTable.Result(0, Map.of("acc", 0.5)),
                new StudyTable.Result(1, Map.of("acc", 0.8)),
                new StudyTable.Result(2, Map.of("acc", 0.9)));
        List<PaperValue> paper = List.of(new PaperValue(Map.of("n", 2000L), "acc", 0.95));
        StudyTable table = StudyTable.of(List.copyOf(axes.keySet()), settings, results, paper);
        TableGrid grid = table.pivot("n", List.of("acc"));

        assertEquals(
                List.of(
                        "method",
                        "key",
                        "n=1000 mean",
                        "n=1000 std",
                        "n=1000 n",
                        "n=1000 paper",
                        "n=2000 mean",
                        "n=2000 std",
                        "n=2000 n",
                        "n=2000 paper"),
                grid.header());
        assertEquals(
                Arrays.asList("nfa", "acc", 0.5, null, 1, null, 0.8, null, 1, 0.95),
                grid.rows().get(0));
        assertEquals(
                Arrays.asList("fact", "acc", 0.9, null, 1, null, null, null, 0, 0.95),
                grid.rows().get(1));
    }

    /** Rounds doubles to 12 digits so that hand-computed square roots compare. */
    private static List<Object> round(List<Object> row) {
        List<Object> out = new ArrayList<>();
        for (Object o : row) {
            out.add(o instanceof Double d ? Math.round(d * 1e12) / 1e12 : o);
        }
        return out;
    }

    @Test
    void aFieldThatIsNotSweptIsRefusedNamingTheParameterAndTheSweptFields() {
        StudyTable table = StudyTable.of(List.copyOf(axes.keySet()), settings, List.of(), List.of());
        table.requireAxis("field", "n");
        SpecValidationException e = assertThrows(SpecValidationException.class, () -> table.requireAxis("field", "lr"));
        assertEquals(
                List.of(new FieldError("field", "'lr' is not a swept field of this study; allowed: method, n")),
                e.errors());
        SpecValidationException pivot =
                assertThrows(SpecValidationException.class, () -> table.pivot("colour", table.keys()));
        assertEquals("pivot", pivot.errors().get(0).field());
    }
}
