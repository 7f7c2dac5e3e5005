package org.factlab.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factlab.experiments.mlp.MlpKind;
import org.junit.jupiter.api.Test;

/** A run launched from a preset with fields changed names those fields, whatever number types its stored spec has. */
class PresetEditsTest {

    private final MlpKind kind = new MlpKind();

    @Test
    void theChangedFieldsAreNamedAndStoredNumberTypesAreNoEdit() {
        Map<String, Object> stored = new LinkedHashMap<>(SpecCodec.toMap(quick()));
        stored.replaceAll((field, value) -> value instanceof Integer i ? Long.valueOf(i) : value);
        assertEquals(List.of(), PresetEdits.of(kind, "quick", stored), "the preset's own spec, read back as longs");

        Object width = stored.get("width");
        stored.put("width", ((Number) width).longValue() + 1);
        assertEquals(List.of("width"), PresetEdits.of(kind, "quick", stored));
        assertEquals(List.of(), PresetEdits.of(kind, "no-such-preset", stored));
    }

    private Record quick() {
        return kind.presets().stream()
                .filter(p -> p.id().equals("quick"))
                .findFirst()
                .orElseThrow()
                .spec();
    }
}
