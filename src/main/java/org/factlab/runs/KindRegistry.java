package org.factlab.runs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.ExperimentKinds;
import org.factlab.experiments.sections.Section;
import org.springframework.stereotype.Component;

/** Looks up experiment kinds by id: the built-in ones plus any {@link ExperimentKind} beans (plug-ins, tests). */
@Component
public class KindRegistry {

    private final Map<String, ExperimentKind<?>> kinds = new LinkedHashMap<>();

    public KindRegistry(List<ExperimentKind<?>> pluginKinds) {
        ExperimentKinds.all().forEach(this::register);
        pluginKinds.forEach(this::register);
    }

    private void register(ExperimentKind<?> kind) {
        if (kinds.putIfAbsent(kind.id(), kind) != null) {
            throw new IllegalStateException("two experiment kinds share the id " + kind.id());
        }
    }

    public List<ExperimentKind<?>> all() {
        return List.copyOf(kinds.values());
    }

    public Optional<ExperimentKind<?>> find(String id) {
        return Optional.ofNullable(id == null ? null : kinds.get(id));
    }

    /** The run-page sections of one type that kind {@code id} declares, in page order; none for an unknown kind. */
    public <T extends Section> List<T> sections(String id, Class<T> type) {
        return find(id).map(kind -> kind.sections().stream()
                        .filter(type::isInstance)
                        .map(type::cast)
                        .toList())
                .orElse(List.of());
    }
}
