package org.factlab.experiments.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.FieldError;
import org.factlab.experiments.FieldInfo;
import org.factlab.experiments.Preset;
import org.factlab.experiments.SpecCodec;
import org.factlab.experiments.SpecValidationException;

/**
 * Expands a study request into validated runs. Each run's spec is layered: the kind's defaults, the run
 * preset (the study's, or the setting's value of a {@code preset} axis), the request's {@code spec}, the
 * setting's swept values, then {@code seed} = base seed + 0 … seeds − 1 (the base seed is the layered spec's
 * seed, 0 unless the preset or spec says otherwise). Every run is bound through {@link SpecCodec}, so range and
 * cross-field checks are the same as for single runs; errors on swept fields are named {@code sweep.<field>},
 * errors of the seed range {@code seeds}.
 */
public final class SweepExpansion {

    /** The pseudo-axis whose values are run preset ids of the kind. */
    public static final String PRESET_AXIS = "preset";

    private static final String SEED = "seed";

    private SweepExpansion() {}

    /**
     * @param presetId the base run preset of the kind, or null
     * @param spec     field overrides applied to every run, or null
     * @param sweep    axis name → list of values or range (see {@link SweepAxis}), or null
     * @param maxRuns  the cap on settings × seeds
     */
    public static <S extends Record> StudyPlan expand(
            ExperimentKind<S> kind,
            String presetId,
            Map<String, ?> spec,
            Map<String, ?> sweep,
            int seeds,
            int maxRuns) {
        List<FieldError> errors = new ArrayList<>();
        if (presetId != null && preset(kind, presetId).isEmpty()) {
            errors.add(new FieldError("preset", unknownPreset(kind, presetId)));
        }
        if (seeds < 1 || seeds > maxRuns) {
            errors.add(new FieldError("seeds", seeds + " is out of range; allowed: integer in [1, " + maxRuns + "]"));
        }
        Map<String, List<Object>> axes = axes(kind, sweep == null ? Map.of() : sweep, maxRuns, errors);
        throwIfAny(errors);
        long settings = Settings.count(axes);
        long total = settings > Long.MAX_VALUE / seeds ? Long.MAX_VALUE : settings * seeds;
        if (total > maxRuns) {
            throw new SpecValidationException(
                    "sweep",
                    "expands to " + (total == Long.MAX_VALUE ? "too many" : total)
                            + " runs (" + sizes(axes) + " settings × " + seeds + " seeds); allowed: at most " + maxRuns
                            + " runs (factlab.studies.max-runs)");
        }
        return plan(kind, presetId, spec == null ? Map.of() : spec, axes, seeds);
    }

    private static Map<String, List<Object>> axes(
            ExperimentKind<?> kind, Map<String, ?> sweep, int maxRuns, List<FieldError> errors) {
        Map<String, FieldInfo> fields = new LinkedHashMap<>();
        SpecCodec.fields(kind).forEach(f -> fields.put(f.name(), f));
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        sweep.forEach((name, raw) -> {
            try {
                if (SEED.equals(name)) {
                    throw new SpecValidationException(
                            "sweep.seed",
                            "the seed is not swept: give \"seeds\": N instead " + "(seed = base seed + 0 … N − 1)");
                }
                if (PRESET_AXIS.equals(name)) {
                    List<Object> ids = SweepAxis.values(name, null, raw, maxRuns);
                    ids.stream()
                            .filter(id -> preset(kind, String.valueOf(id)).isEmpty())
                            .findFirst()
                            .ifPresent(id -> {
                                throw new SpecValidationException(
                                        "sweep.preset", unknownPreset(kind, String.valueOf(id)));
                            });
                    axes.put(
                            name,
                            ids.stream().map(id -> (Object) String.valueOf(id)).toList());
                } else if (!fields.containsKey(name)) {
                    throw new SpecValidationException(
                            "sweep." + name,
                            "unknown field; allowed fields: " + String.join(", ", fields.keySet()) + ", or "
                                    + PRESET_AXIS);
                } else {
                    axes.put(name, SweepAxis.values(name, fields.get(name), raw, maxRuns));
                }
            } catch (SpecValidationException e) {
                errors.addAll(e.errors());
            }
        });
        return axes;
    }

    private static <S extends Record> StudyPlan plan(
            ExperimentKind<S> kind, String presetId, Map<String, ?> spec, Map<String, List<Object>> axes, int seeds) {
        Set<FieldError> errors = new LinkedHashSet<>();
        List<Map<String, Object>> settings = new ArrayList<>();
        List<StudyPlan.PlannedRun> runs = new ArrayList<>();
        List<Map<String, Object>> raw = Settings.product(axes);
        for (int i = 0; i < raw.size(); i++) {
            Map<String, Object> setting = raw.get(i);
            String runPreset = setting.containsKey(PRESET_AXIS) ? (String) setting.get(PRESET_AXIS) : presetId;
            Map<String, Object> base =
                    preset(kind, runPreset).map(p -> SpecCodec.toMap(p.spec())).orElse(null);
            Map<String, Object> overrides = new LinkedHashMap<>(spec);
            setting.forEach((k, v) -> {
                if (!PRESET_AXIS.equals(k)) {
                    overrides.put(k, v);
                }
            });
            try {
                Map<String, Object> first = SpecCodec.toMap(SpecCodec.bind(kind, base, overrides));
                Map<String, Object> converted = new LinkedHashMap<>();
                setting.forEach((k, v) -> converted.put(k, PRESET_AXIS.equals(k) ? v : first.get(k)));
                settings.add(converted);
                long baseSeed = ((Number) first.get(SEED)).longValue();
                for (int s = 0; s < seeds; s++) {
                    overrides.put(SEED, baseSeed + s);
                    Map<String, Object> full = s == 0 ? first : bindSeed(kind, base, overrides);
                    runs.add(new StudyPlan.PlannedRun(i, s, runPreset, full));
                }
            } catch (SpecValidationException e) {
                String where = axes.isEmpty() ? "" : " (setting " + Settings.label(setting) + ")";
                e.errors()
                        .forEach(err -> errors.add(new FieldError(
                                axes.containsKey(err.field()) ? "sweep." + err.field() : err.field(),
                                err.message() + where)));
            }
        }
        throwIfAny(new ArrayList<>(errors));
        Map<String, List<Object>> resolved = resolvedAxes(axes, settings, errors);
        throwIfAny(new ArrayList<>(errors));
        return new StudyPlan(kind.id(), presetId, resolved, seeds, settings, runs);
    }

    private static <S extends Record> Map<String, Object> bindSeed(
            ExperimentKind<S> kind, Map<String, Object> base, Map<String, Object> overrides) {
        try {
            return SpecCodec.toMap(SpecCodec.bind(kind, base, overrides));
        } catch (SpecValidationException e) {
            throw new SpecValidationException(e.errors().stream()
                    .map(err -> SEED.equals(err.field()) ? new FieldError("seeds", "seed " + err.message()) : err)
                    .toList());
        }
    }

    /** The axes with their values as the runs received them (e.g. "1000" → 1000); repeated values are refused. */
    private static Map<String, List<Object>> resolvedAxes(
            Map<String, List<Object>> axes, List<Map<String, Object>> settings, Set<FieldError> errors) {
        Map<String, List<Object>> resolved = new LinkedHashMap<>();
        axes.forEach((name, values) -> {
            List<Object> distinct =
                    settings.stream().map(s -> s.get(name)).distinct().toList();
            if (distinct.size() < values.size()) {
                errors.add(new FieldError("sweep." + name, "repeats a value: " + values));
            }
            resolved.put(name, distinct);
        });
        return resolved;
    }

    private static Optional<? extends Preset<?>> preset(ExperimentKind<?> kind, String id) {
        return id == null
                ? Optional.empty()
                : kind.presets().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private static String unknownPreset(ExperimentKind<?> kind, String id) {
        return "unknown preset '" + id + "' of kind " + kind.id() + "; allowed: "
                + String.join(", ", kind.presets().stream().map(Preset::id).toList());
    }

    private static String sizes(Map<String, List<Object>> axes) {
        return axes.isEmpty()
                ? "1"
                : String.join(
                        " × ",
                        axes.values().stream()
                                .map(v -> String.valueOf(v.size()))
                                .toList());
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new SpecValidationException(errors);
        }
    }
}
