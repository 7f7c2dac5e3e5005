package org.factlab.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Which fields of a run's spec differ from the preset it was launched from (an edited launch). */
public final class PresetEdits {

    private PresetEdits() {}

    /**
     * The names of the fields whose values differ from preset {@code presetId}'s, in the kind's field order; empty
     * when the preset is unknown, nothing was changed, or the stored spec no longer binds (older rules). Both specs are
     * bound to the kind's record first, so that a stored spec's number types (an int read back as a long) do not count
     * as edits.
     *
     * @param spec the run's stored spec; not modified
     */
    public static <S extends Record> List<String> of(ExperimentKind<S> kind, String presetId, Map<String, ?> spec) {
        Preset<S> preset = kind.presets().stream()
                .filter(p -> p.id().equals(presetId))
                .findFirst()
                .orElse(null);
        if (preset == null) {
            return List.of();
        }
        Map<String, Object> base = SpecCodec.toMap(preset.spec());
        Map<String, Object> actual;
        try {
            actual = SpecCodec.toMap(SpecCodec.bind(kind, spec, null));
        } catch (SpecValidationException storedUnderOlderRules) {
            return List.of();
        }
        List<String> edited = new ArrayList<>();
        actual.forEach((field, value) -> {
            if (!Objects.equals(base.get(field), value)) {
                edited.add(field);
            }
        });
        return edited;
    }
}
