package org.factlab.ui.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factlab.experiments.mlp.MlpKind;
import org.factlab.experiments.quadratic.QuadraticKind;
import org.factlab.experiments.sections.Section;
import org.factlab.experiments.sweep.Settings;
import org.factlab.experiments.sweep.StudyTable;
import org.factlab.experiments.sweep.TableGrid;
import org.factlab.studies.StudyPlotData;
import org.junit.jupiter.api.Test;

/** The study plot's lines and error bars, and the table's "mean ± std (n)" cells, against hand computations. */
class StudyPlotDataTest {

    /** The run-page sections of the swept kind: their axes give the plots' y ranges. */
    private static final List<Section> QUADRATIC = new QuadraticKind().sections();

    /** Seeds' values of fact/cosine per setting of τ ∈ {0.05, 0.01} × width ∈ {5, 10} (settings in product order). */
    private static final double[][] VALUES = {{0.91, 0.93, 0.95}, {0.80, 0.84}, {0.70, 0.71, 0.75}, {0.60}};

    private static StudyTable table() {
        Map<String, List<Object>> sweep = new LinkedHashMap<>();
        sweep.put("tau", List.of(0.05, 0.01));
        sweep.put("width", List.of(5, 10));
        List<Map<String, Object>> settings = Settings.product(sweep);
        List<StudyTable.Result> results = new ArrayList<>();
        for (int s = 0; s < VALUES.length; s++) {
            for (double v : VALUES[s]) {
                results.add(new StudyTable.Result(s, Map.of("fact/cosine", v, "grad_norm", v * 1e-9)));
            }
        }
        return StudyTable.of(List.copyOf(sweep.keySet()), settings, results, List.of());
    }

    @Test
    void oneLinePerValueOfTheOtherFieldWithMeanAndSampleStdPerPoint() {
        StudyPlotData plot = StudyPlotData.of(table(), "tau", "fact/cosine", QUADRATIC);
        assertNull(plot.categories(), "τ is numeric");
        assertEquals(
                List.of("width = 5", "width = 10"),
                plot.lines().stream().map(StudyPlotData.Line::label).toList());
        StudyPlotData.Line width5 = plot.lines().get(0);
        assertArrayEquals(new double[] {0.01, 0.05}, width5.x(), "ascending τ, whatever the sweep's order");
        // τ = 0.01, width 5 is setting 2 (0.70, 0.71, 0.75); τ = 0.05, width 5 is setting 0 (0.91, 0.93, 0.95)
        assertArrayEquals(new double[] {mean(VALUES[2]), mean(VALUES[0])}, width5.mean(), 1e-15);
        assertArrayEquals(new double[] {sampleStd(VALUES[2]), sampleStd(VALUES[0])}, width5.std(), 1e-15);
        assertArrayEquals(new int[] {3, 3}, width5.n());
        StudyPlotData.Line width10 = plot.lines().get(1);
        assertEquals(Math.sqrt(0.0008), width10.std()[1], 1e-15, "0.80, 0.84: mean 0.82, Σ(x − m)² / (n − 1) = 0.0008");
        assertTrue(Double.isNaN(width10.std()[0]), "one seed: no error bar");
        assertEquals(0.60, width10.mean()[0], 1e-15);
        assertArrayEquals(
                new double[] {0, 1},
                plot.yRange(),
                "a cosine similarity, declared on [−1, 1], is plotted on " + "[0, 1]");
        assertEquals(false, plot.logX(), "0.01 … 0.05 spans less than a decade");
        assertNull(
                StudyPlotData.of(table(), "width", "grad_norm", QUADRATIC).yRange(),
                "values on an axis that " + "follows the data are fitted");
    }

    @Test
    void theOnlySweptFieldGivesOneLineAndPayloadNullsForMissingBars() {
        Map<String, List<Object>> sweep = Map.of("n", List.of(1000, 60000));
        List<StudyTable.Result> results = List.of(
                new StudyTable.Result(0, Map.of("test_accuracy", 0.9)),
                new StudyTable.Result(0, Map.of("test_accuracy", 0.8)),
                new StudyTable.Result(1, Map.of("test_accuracy", 0.95)));
        StudyTable t = StudyTable.of(List.of("n"), Settings.product(sweep), results, List.of());
        StudyPlotData plot = StudyPlotData.of(t, "n", "test_accuracy", new MlpKind().sections());
        assertEquals(
                List.of(StudyPlotData.ONLY_LINE),
                plot.lines().stream().map(StudyPlotData.Line::label).toList());
        assertTrue(plot.logX(), "n = 1000 … 60000 spans a factor of 60");
        String json = StudyPlot.json(plot, "title", "n", plot.logX(), false);
        assertTrue(json.contains("\"std\":[" + sampleStd(new double[] {0.9, 0.8}) + ",null]"), json);
        assertTrue(json.contains("\"n\":[2,1]"), json);
    }

    @Test
    void aDecadeIsLogByDefaultAndTheYAxisFitsTheValuesUnlessTheFullRangeIsAsked() {
        Map<String, List<Object>> sweep = Map.of("lambda", List.of(1e-4, 1e-3));
        List<StudyTable.Result> results = List.of(
                new StudyTable.Result(0, Map.of("layer1/fact/pearson", 0.92)),
                new StudyTable.Result(1, Map.of("layer1/fact/pearson", 0.95)));
        StudyTable t = StudyTable.of(List.of("lambda"), Settings.product(sweep), results, List.of());
        StudyPlotData plot = StudyPlotData.of(t, "lambda", "layer1/fact/pearson", new MlpKind().sections());
        assertTrue(plot.logX(), "1e-4 … 1e-3 spans a decade");
        String fitted = StudyPlot.json(plot, "title", "λ", plot.logX(), false);
        assertTrue(fitted.contains("\"logX\":true") && fitted.contains("\"yMin\":null"), fitted);
        String full = StudyPlot.json(plot, "title", "λ", false, true);
        assertTrue(full.contains("\"logX\":false") && full.contains("\"yMin\":0.0"), full);
    }

    @Test
    void cellsReadMeanPlusMinusStdAndTheNumberOfSeeds() {
        assertEquals("0.93 ± 0.02 (3)", StudyCells.format(mean(VALUES[0]), sampleStd(VALUES[0]), 3));
        assertEquals("0.6 (1)", StudyCells.format(0.6, Double.NaN, 1));
        assertEquals("—", StudyCells.format(null, null, 0));
        assertEquals("0.7867 ± 0.0058 (3)", StudyCells.format(0.786666666, 0.0057735, 3));
        assertEquals("1.235e-9 ± 3.4e-11 (2)", StudyCells.format(1.23456e-9, 3.4e-11, 2));
        TableGrid grid = StudyCells.merge(table().layout(null, List.of("fact/cosine")), List.of("tau", "width"), null);
        assertEquals(List.of("τ", "width", "fact/cosine"), grid.header());
        assertEquals(
                List.of("0.05", "5", StudyCells.format(mean(VALUES[0]), sampleStd(VALUES[0]), 3)),
                grid.rows().get(0));
        TableGrid pivoted =
                StudyCells.merge(table().layout("tau", List.of("fact/cosine")), List.of("tau", "width"), "tau");
        assertEquals(List.of("width", "key", "τ = 0.05", "τ = 0.01"), pivoted.header());
        assertEquals(
                List.of("10", "fact/cosine", StudyCells.format(0.82, Math.sqrt(0.0008), 2), "0.6 (1)"),
                pivoted.rows().get(1));
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    private static double sampleStd(double[] v) {
        double m = mean(v);
        double squares = 0;
        for (double x : v) {
            squares += (x - m) * (x - m);
        }
        return Math.sqrt(squares / (v.length - 1));
    }
}
