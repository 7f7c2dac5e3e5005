package org.factlab.experiments.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.ExperimentKinds;
import org.factlab.experiments.Preset;
import org.factlab.experiments.sweep.StudyPresets;
import org.junit.jupiter.api.Test;

class PaperFiguresTest {

    private static Map<String, Double> expected(String kind, String preset) {
        return presetOf(kind, preset).map(Preset::expected).orElse(Map.of());
    }

    private static Optional<? extends Preset<?>> presetOf(String kind, String preset) {
        return ExperimentKinds.all().stream()
                .filter(k -> k.id().equals(kind))
                .findFirst()
                .flatMap(k ->
                        k.presets().stream().filter(p -> p.id().equals(preset)).findFirst());
    }

    @Test
    void everyReproducedFigureAndTableHasACardInThePapersOrder() {
        assertEquals(
                List.of(
                        "fig1", "fig3", "fig4", "fig5", "fig6", "fig7", "fig8", "fig9-10", "fig11", "table1", "table2",
                        "table3"),
                PaperFigures.ids());
    }

    @Test
    void everyCardNamesAnInstalledPresetAndAStudyPresetThatExists() {
        for (PaperFigure f : PaperFigures.all(PaperFiguresTest::expected)) {
            assertTrue(presetOf(f.kind(), f.preset()).isPresent(), f.id() + ": " + f.kind() + " · " + f.preset());
            if (f.studyPreset() != null) {
                assertTrue(StudyPresets.find(f.studyPreset()).isPresent(), f.id() + ": " + f.studyPreset());
            }
            assertTrue(f.cpuSeconds() != null || f.gpuScale(), f.id() + " has a CPU time or is GPU scale");
            assertFalse(f.caption().isBlank() || f.reason().isBlank(), f.id());
            assertFalse(f.caption().contains("\n"), f.id() + ": the caption is one line");
        }
    }

    @Test
    void figure4PrintsThePapersNumbersBesideTheLabsReferences() {
        PaperFigure fig4 = PaperFigures.find("fig4", PaperFiguresTest::expected).orElseThrow();
        PaperRow fact = row(fig4.values(), "fact/cosine");
        assertEquals(0.994, fact.paper());
        assertEquals(1.0, fact.reference());
        PaperRow agop = row(fig4.values(), "agop/cosine");
        assertEquals(0.068, agop.paper());
        assertEquals(0.08, agop.reference());
        assertTrue(agop.note().contains("< 0.068"), agop.note());
        assertNull(row(fig4.values(), "sqrt_agop/cosine").paper());
    }

    @Test
    void theReferencesOfEveryPresetAreItsExpectedValues() {
        for (ExperimentKind<?> kind : ExperimentKinds.all()) {
            for (Preset<?> preset : kind.presets()) {
                List<PaperRow> rows = PresetRows.of(kind.id(), preset.id(), preset.expected());
                preset.expected()
                        .forEach((series, value) -> assertEquals(
                                value,
                                row(rows, series).reference(),
                                kind.id() + " · " + preset.id() + " · " + series));
                rows.stream()
                        .filter(r -> r.paper() == null || "=".equals(r.relation()) || "≈".equals(r.relation()))
                        .forEach(r -> assertTrue(r.tolerance() > 0, r.series()));
            }
        }
    }

    @Test
    void aResultMatchesWithinTheToleranceOfThePapersNumberAndOtherwiseOfTheReference() {
        List<PaperRow> rows = List.of(
                new PaperRow("a", 0.994, 1.0, 0.01, ""),
                new PaperRow("b", null, 1.0, 0.01, ""),
                new PaperRow("c", null, null, 0.01, ""));
        assertEquals(Verdict.MATCHES, Verdict.of(rows, Map.of("a", 1.0, "b", 0.995)));
        assertEquals(Verdict.DIFFERS, Verdict.of(rows, Map.of("a", 0.98, "b", 1.0)));
        assertEquals(Verdict.DIFFERS, Verdict.of(rows, Map.of("a", 1.0, "b", 0.9)));
        assertEquals(Verdict.NOTHING_TO_COMPARE, Verdict.of(rows, Map.of("c", 0.5)));
        PaperFigure fig4 = PaperFigures.find("fig4", PaperFiguresTest::expected).orElseThrow();
        assertEquals(
                Verdict.DIFFERS,
                Verdict.of(fig4.values(), Map.of("fact/cosine", 1.0, "agop/cosine", 0.082, "sqrt_agop/cosine", 0.240)),
                "cos(AGOP) 0.082 is outside the band of the printed < 0.068");
    }

    @Test
    void aBoundIsJudgedByItsRelationNotByADistance() {
        PaperFigure fig4 = PaperFigures.find("fig4", PaperFiguresTest::expected).orElseThrow();
        PaperRow agop = row(fig4.values(), "agop/cosine");
        assertEquals("<", agop.relation());
        assertEquals("< 0.068", agop.printed(Double::toString));
        assertTrue(Verdict.within(agop, 0.02), "0.02 is below the printed < 0.068");
        assertTrue(Verdict.within(agop, 0.067));
        assertTrue(!Verdict.within(agop, 0.068) && !Verdict.within(agop, 0.075));
        assertEquals(Verdict.MATCHES, Verdict.of(fig4.values(), Map.of("fact/cosine", 0.995, "agop/cosine", 0.02)));
        PaperRow fig11 = row(PresetRows.of("mlp", "fig11-linear-L3", Map.of()), "layer1/fact/cosine");
        assertEquals("≥", fig11.relation());
        assertTrue(Verdict.within(fig11, 1.0) && Verdict.within(fig11, 0.999) && !Verdict.within(fig11, 0.998));
        PaperRow table2 = row(PresetRows.of("mlp", "table2-mnist-1k", Map.of()), "layer1/fact/pearson");
        assertEquals("=", table2.relation());
        assertEquals("0.89", table2.printed(v -> java.math.BigDecimal.valueOf(v).toPlainString()));
        assertThrows(IllegalArgumentException.class, () -> new PaperRow("x", 1.0, "~", null, 0.01, ""));
    }

    @Test
    void departuresAreOneSentenceForFigure4AndTable2Only() {
        assertTrue(Departures.of("quadratic", "fig4").orElseThrow().contains("λ = 1e-7"));
        assertTrue(Departures.of("mlp", "table2-mnist-1k").orElseThrow().contains("200 epochs"));
        assertTrue(Departures.of("quadratic", "fig4-as-printed").isEmpty());
        assertTrue(Departures.of("mlp", "table2-mnist-1k-converged").isEmpty());
    }

    @Test
    void seriesAreLabelledAsThePaperWritesThem() {
        assertEquals("Pearson correlation of FACT with W₁ᵀW₁", PaperNotation.label("layer1/fact/pearson"));
        assertEquals("cosine similarity of √AGOP with WᵀW", PaperNotation.label("sqrt_agop/cosine"));
        assertEquals("cosine similarity of AGOP¹ᐟᴸ with W₁ᵀW₁", PaperNotation.label("layer1/agop_1_over_L/cosine"));
        assertEquals("Pearson correlation of bFACT with W₁₂W₁₂ᵀ", PaperNotation.label("layer12/backward/fact/pearson"));
        assertEquals("√(FACT·FACTᵀ)", PaperNotation.method("layer2/sym_fact/cosine"));
        assertEquals("√eNFA", PaperNotation.method("sqrt_enfa/pearson"));
        assertEquals("test/accuracy", PaperNotation.label("test/accuracy"));
        assertEquals("WᵀW, layer 1", PaperNotation.matrix("layer1/WtW"));
        assertEquals("Pearson correlation with W₁ᵀW₁", ChartGroups.title("layer1-pearson"));
        assertEquals("cosine similarity with W₂W₂ᵀ", ChartGroups.title("layer2-backward-cosine"));
        assertEquals("cosine similarity with WᵀW", ChartGroups.title("cosine"));
        assertEquals("layer1-backward-cosine", ChartGroups.of("layer1/backward/sqrt_agop/cosine"));
        assertEquals("training", ChartGroups.of("loss"));
        ExperimentKind<?> quadratic = ExperimentKinds.all().stream()
                .filter(k -> k.id().equals("quadratic"))
                .findFirst()
                .orElseThrow();
        assertEquals("FACT", quadratic.curveLabel("fact/cosine"));
        assertNotNull(quadratic.seriesLabel("agop/cosine"));
    }

    private static PaperRow row(List<PaperRow> rows, String series) {
        return rows.stream()
                .filter(r -> r.series().equals(series))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + series + " in " + rows));
    }
}
