package org.factlab.runs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.ExperimentKinds;
import org.springframework.stereotype.Component;

/** Looks up experiment kinds by id. */
@Component
public class KindRegistry {

    private final Map<String, ExperimentKind<?>> kinds = new LinkedHashMap<>();

    public KindRegistry() {
        ExperimentKinds.all().forEach(k -> kinds.put(k.id(), k));
    }

    public List<ExperimentKind<?>> all() {
        return List.copyOf(kinds.values());
    }

    public Optional<ExperimentKind<?>> find(String id) {
        return Optional.ofNullable(id == null ? null : kinds.get(id));
    }
}
