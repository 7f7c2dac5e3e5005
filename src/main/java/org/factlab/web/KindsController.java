package org.factlab.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.FieldInfo;
import org.factlab.experiments.SpecCodec;
import org.factlab.experiments.paper.PaperRow;
import org.factlab.experiments.paper.PresetRows;
import org.factlab.runs.KindRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/kinds}: every experiment kind with its fields and presets. */
@RestController
class KindsController {

    /** {@code values}: the paper's printed value beside each reference ({@code expected} stays as it was). */
    record PresetJson(
            String id,
            String title,
            String description,
            Map<String, Object> spec,
            Map<String, Double> expected,
            List<PaperRow> values) {}

    /** One spec field; {@code default} is a Java keyword, hence the annotation. */
    record FieldJson(
            String name,
            String type,
            @JsonProperty("default") Object defaultValue,
            Double min,
            Double max,
            boolean minExclusive,
            List<String> choices,
            String description) {
        static FieldJson of(FieldInfo f) {
            return new FieldJson(
                    f.name(),
                    f.type(),
                    f.defaultValue(),
                    f.min(),
                    f.max(),
                    f.minExclusive(),
                    f.choices(),
                    f.description());
        }
    }

    record KindJson(String id, String title, String description, List<FieldJson> fields, List<PresetJson> presets) {}

    private final KindRegistry kinds;

    KindsController(KindRegistry kinds) {
        this.kinds = kinds;
    }

    @GetMapping("/api/kinds")
    List<KindJson> kinds() {
        return kinds.all().stream().map(KindsController::json).toList();
    }

    private static KindJson json(ExperimentKind<?> k) {
        List<PresetJson> presets = k.presets().stream()
                .map(p -> new PresetJson(
                        p.id(),
                        p.title(),
                        p.description(),
                        SpecCodec.toMap(p.spec()),
                        p.expected(),
                        PresetRows.of(k.id(), p.id(), p.expected())))
                .toList();
        return new KindJson(
                k.id(),
                k.title(),
                k.description(),
                SpecCodec.fields(k).stream().map(FieldJson::of).toList(),
                presets);
    }
}
