package org.factlab.experiments.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.Preset;
import org.factlab.experiments.mlp.MlpKind;
import org.factlab.experiments.modular.ModularKind;
import org.factlab.experiments.quadratic.QuadraticKind;
import org.factlab.experiments.tabular.TabularKind;
import org.junit.jupiter.api.Test;

/**
 * docs/reproduction.md's verdicts are the paper page's badges: for every summary row with measured numbers, the badge
 * the page computes from them ({@link Verdict} over the card's {@link PresetRows}) is the label the row's last
 * column starts with; rows not measured say "not run yet". The page's cards state no claim the measurements do not
 * support (Figure 4's loss-scaling conjecture, Figure 6's "100%").
 */
class ReproductionReportTest {

    private static final Path REPORT = Path.of("docs", "reproduction.md");

    /** The measured numbers of the summary table, by paper name: kind, preset and the values of its series. */
    private static final Map<String, Measured> MEASURED = Map.of(
            "Table 2",
                    new Measured(
                            new MlpKind(),
                            "table2-mnist-1k",
                            Map.of(
                                    "layer1/fact/pearson",
                                    0.286,
                                    "layer1/sym_fact/pearson",
                                    0.643,
                                    "layer1/sqrt_agop/pearson",
                                    0.653,
                                    "layer1/sqrt_enfa/pearson",
                                    0.569)),
            "Table 3",
                    new Measured(
                            new TabularKind(),
                            "table3-bundled",
                            Map.of(
                                    "mean_test_accuracy/kernel",
                                    0.8886,
                                    "mean_test_accuracy/nfa",
                                    0.8990,
                                    "mean_test_accuracy/fact",
                                    0.8984,
                                    "mean_test_accuracy/fact-geometric",
                                    0.8964)),
            "Figure 4",
                    new Measured(
                            new QuadraticKind(),
                            "fig4",
                            Map.of("fact/cosine", 1.000, "agop/cosine", 0.082, "sqrt_agop/cosine", 0.240)),
            "Figure 6",
                    new Measured(
                            new ModularKind(),
                            "fig6-fact",
                            Map.of("train/accuracy", 1.0, "test/accuracy", 1859.0 / 1860)),
            "Figure 11",
                    new Measured(
                            new MlpKind(),
                            "fig11-linear-L2",
                            Map.of(
                                    "layer1/fact/cosine",
                                    0.9999,
                                    "layer1/agop_1_over_L/cosine",
                                    1.0000,
                                    "layer1/sqrt_agop/cosine",
                                    1.0000)));

    private record Measured(ExperimentKind<?> kind, String preset, Map<String, Double> values) {

        Verdict verdict() {
            Preset<?> preset = kind.presets().stream()
                    .filter(p -> p.id().equals(this.preset))
                    .findFirst()
                    .orElseThrow();
            return Verdict.of(PresetRows.of(kind.id(), this.preset, preset.expected()), values);
        }
    }

    @Test
    void theSummaryBadgesAreThePaperPagesVerdicts() throws IOException {
        Map<String, String[]> rows = summaryRows();
        assertTrue(rows.keySet().containsAll(MEASURED.keySet()), "summary rows: " + rows.keySet());
        MEASURED.forEach((paper, measured) -> assertEquals(
                measured.verdict().label(), badge(rows.get(paper)), paper + " (" + measured.preset() + ")"));
        rows.forEach((paper, cells) -> {
            if (cells[3].startsWith("not measured")) {
                assertEquals(Verdict.NOT_RUN_YET.label(), badge(cells), paper);
            }
        });
    }

    @Test
    void theCardsClaimNoMoreThanWasMeasured() {
        Map<String, String> reasons = new LinkedHashMap<>();
        PaperFigures.all((kind, preset) -> Map.of()).forEach(f -> reasons.put(f.id(), f.reason()));
        assertFalse(reasons.get("fig4").contains("must differ"), reasons.get("fig4"));
        assertTrue(reasons.get("fig6").contains("99.95%"), reasons.get("fig6"));
        assertTrue(reasons.get("fig7").contains("analogy"), reasons.get("fig7"));
        assertTrue(Departures.of("modular", "fig6-fact").orElseThrow().contains("trace"));
    }

    /** The label among {@link Verdict}'s that the row's last cell starts with. */
    private static String badge(String[] cells) {
        String last = cells[cells.length - 1];
        return Arrays.stream(Verdict.values())
                .map(Verdict::label)
                .filter(last::startsWith)
                .findFirst()
                .orElse(last);
    }

    /** The summary table's rows by their first cell, cells trimmed. */
    private static Map<String, String[]> summaryRows() throws IOException {
        List<String> lines = Files.readAllLines(REPORT);
        int start = lines.indexOf("## Summary");
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("| ") && !line.startsWith("| paper |")) {
                String[] cells = Arrays.stream(
                                line.substring(2, line.length() - 2).split(" \\| "))
                        .map(String::strip)
                        .toArray(String[]::new);
                rows.put(cells[0], cells);
            }
        }
        return rows;
    }
}
