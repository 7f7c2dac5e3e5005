package org.factlab.experiments.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.factlab.experiments.sections.ResultsTable;
import org.junit.jupiter.api.Test;

/** The results table read back from series and notes: best per row with ties, means over compared datasets. */
class TabularResultsTest {

    @Test
    void meansAndWinsAreOverDatasetsWhereEveryMethodSucceeded() {
        Map<String, TreeMap<Long, Double>> series = new TreeMap<>();
        put(series, TabularSeries.of("a", "nfa", TabularSeries.TEST_ACCURACY), 0.9);
        put(series, TabularSeries.of("a", "fact", TabularSeries.TEST_ACCURACY), 0.9);
        put(series, TabularSeries.of("b", "nfa", TabularSeries.TEST_ACCURACY), 0.6);
        put(series, TabularSeries.of("b", "fact", TabularSeries.TEST_ACCURACY), 0.8);
        put(series, TabularSeries.of("c", "nfa", TabularSeries.TEST_ACCURACY), 1.0);
        put(series, TabularSeries.of("c", "fact", TabularSeries.FAILED), 1.0);
        put(series, TabularSeries.of("d", TabularSeries.FAILED), 1.0);
        put(series, TabularSeries.of("a", TabularSeries.ROWS), 150.0);
        series.get(TabularSeries.of("a", "nfa", TabularSeries.TEST_ACCURACY)).put(0L, 0.9);
        ResultsTable r = ResultsTable.of(
                TabularSections.TABLE,
                series,
                Map.of(TabularSeries.SECONDS + "a", 2.5),
                List.of(
                        "dataset/c/fact: fold 1 of 4: singular",
                        "dataset/d: d.csv:3: expected 3 values, found 2",
                        "an unrelated line"));

        assertEquals(List.of("nfa", "fact"), r.methods(), "table order, only the run's methods");
        assertEquals(
                List.of("a", "b", "c", "d"),
                r.rows().stream().map(ResultsTable.Row::dataset).toList());
        assertEquals(List.of("nfa", "fact"), r.rows().get(0).best(), "a tie: both best");
        assertEquals(List.of("fact"), r.rows().get(1).best());
        assertEquals(150.0, r.rows().get(0).info(TabularSeries.ROWS));
        assertEquals(2.5, r.rows().get(0).info(TabularSeries.SECONDS));
        ResultsTable.Cell failed = r.rows().get(2).cells().get("fact");
        assertTrue(failed.failed());
        assertNull(failed.accuracy());
        assertEquals("fold 1 of 4: singular", failed.reason());
        assertEquals("d.csv:3: expected 3 values, found 2", r.rows().get(3).failure());
        assertFalse(r.rows().get(0).cells().get("nfa").failed());

        assertEquals(
                List.of("a", "b"),
                r.compared().stream().map(ResultsTable.Row::dataset).toList());
        assertEquals(0.75, r.means().get("nfa"), 1e-12);
        assertEquals(0.85, r.means().get("fact"), 1e-12);
        assertEquals(Map.of("nfa", 1, "fact", 2), r.wins());
        Map<String, Double> summary = r.summary();
        assertEquals(0.85, summary.get(TabularSeries.MEAN_TEST_ACCURACY + "fact"), 1e-12);
        assertEquals(2.0, summary.get(TabularSeries.DATASETS_BEST + "fact"));
        assertEquals(2.0, summary.get(TabularSeries.DATASETS_COMPARED));
        assertEquals(2.0, summary.get(TabularSeries.DATASETS_FAILED));
    }

    private static void put(Map<String, TreeMap<Long, Double>> series, String name, double value) {
        series.computeIfAbsent(name, k -> new TreeMap<>()).put(0L, value);
    }
}
