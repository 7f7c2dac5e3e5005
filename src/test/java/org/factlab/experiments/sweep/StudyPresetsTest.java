package org.factlab.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.ExperimentKinds;
import org.factlab.experiments.Preset;
import org.junit.jupiter.api.Test;

/**
 * The study presets: the ids the issue fixes, every preset of an installed kind expands, and presets of a
 * kind that is not installed say why instead of failing.
 */
class StudyPresetsTest {

    @Test
    void idsAreTheIssuesAndDistinctFromRunPresets() {
        assertEquals(
                List.of("table2-mnist", "fig3-layers-5-seeds", "fig1-parity-phase", "fig6-methods", "fig11-depths"),
                StudyPresets.all().stream().map(StudyPreset::id).toList());
        Set<String> runPresets = new HashSet<>();
        ExperimentKinds.all().forEach(k -> k.presets().forEach(p -> runPresets.add(p.id())));
        StudyPresets.all().forEach(p -> assertFalse(runPresets.contains(p.id()), p.id()));
    }

    @Test
    void presetsOfInstalledKindsExpandWithTheirGpuScaleValues() {
        int checked = 0;
        for (StudyPreset p : StudyPresets.all()) {
            ExperimentKind<?> kind = ExperimentKinds.all().stream()
                    .filter(k -> k.id().equals(p.kind()))
                    .findFirst()
                    .orElse(null);
            if (kind == null) {
                continue;
            }
            StudyPlan plan = SweepExpansion.expand(kind, p.preset(), p.spec(), p.sweep(), p.seeds(), 200);
            long settings = p.sweep().values().stream().mapToLong(List::size).reduce(1, (a, b) -> a * b);
            assertEquals(settings * p.seeds(), plan.runs().size(), p.id());
            p.gpuScaleSweep().forEach((field, values) -> assertTrue(p.sweep().containsKey(field), p.id()));
            checked++;
        }
        assertEquals(StudyPresets.all().size(), checked, "every study preset's kind is installed and expands");
        StudyPreset fig1 = StudyPresets.find("fig1-parity-phase").orElseThrow();
        ExperimentKind<?> parity = ExperimentKinds.all().stream()
                .filter(k -> k.id().equals("parity"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                4,
                parity.presets().stream()
                        .filter(x -> x.id().equals(fig1.preset()))
                        .map(Preset::spec)
                        .map(s -> org.factlab.experiments.SpecCodec.toMap(s).get("k"))
                        .findFirst()
                        .orElseThrow());
    }

    @Test
    void mlpPresetsNameTheMissingKind() {
        List<String> installed =
                ExperimentKinds.all().stream().map(ExperimentKind::id).toList();
        StudyPreset table2 = StudyPresets.find("table2-mnist").orElseThrow();
        assertEquals("mlp", table2.kind());
        if (!installed.contains("mlp")) {
            assertTrue(table2.unavailableReason(installed).orElseThrow().contains("'mlp'"));
        }
        assertTrue(table2.unavailableReason(List.of("mlp")).isEmpty());
        assertEquals(16, table2.paper().size(), "Table 2's MNIST block: 4 rows × 4 columns");
        assertTrue(table2.paper().stream()
                .anyMatch(v ->
                        v.key().equals("layer1/fact/pearson") && v.matches(Map.of("n", 60000)) && v.value() == 0.999));
    }
}
