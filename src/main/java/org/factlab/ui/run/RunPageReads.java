package org.factlab.ui.run;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.sections.Section;
import org.factlab.runs.KindRegistry;
import org.factlab.runs.MatrixRepository;
import org.factlab.runs.MatrixSnapshot;
import org.factlab.runs.MetricPoint;
import org.factlab.runs.MetricRepository;
import org.factlab.runs.Run;
import org.factlab.runs.RunService;
import org.factlab.runs.UploadLibraries;
import org.factlab.uploads.DatasetInfo;
import org.factlab.uploads.ModelInfo;
import org.factlab.uploads.UploadSort;
import org.springframework.stereotype.Service;

/**
 * What a run page reads, in one bean: the run, its points, its matrices, its notes, its kind's declared sections
 * and the other runs of its kind (for overlays). Meant to be called outside the UI lock.
 */
@Service
public class RunPageReads {

    private final RunService runs;
    private final KindRegistry kinds;
    private final MetricRepository metrics;
    private final MatrixRepository matrices;
    private final UploadLibraries uploads;

    public RunPageReads(
            RunService runs,
            KindRegistry kinds,
            MetricRepository metrics,
            MatrixRepository matrices,
            UploadLibraries uploads) {
        this.runs = runs;
        this.kinds = kinds;
        this.metrics = metrics;
        this.matrices = matrices;
        this.uploads = uploads;
    }

    /** The uploads a run reads, by spec field, named as uploaded ("mse-tanh.safetensors"); empty for other kinds. */
    public Map<String, String> uploadNames(Run run) {
        Map<String, String> names = new LinkedHashMap<>();
        kind(run.kind())
                .ifPresent(k -> k.uploadFields().forEach((sort, field) -> {
                    Object id = run.spec().get(field);
                    if (id != null) {
                        uploadName(sort, id.toString()).ifPresent(name -> names.put(field, name));
                    }
                }));
        return names;
    }

    private Optional<String> uploadName(UploadSort sort, String id) {
        try {
            return sort == UploadSort.MODEL
                    ? uploads.models().find(id).map(ModelInfo::name)
                    : uploads.datasets().find(id).map(DatasetInfo::name);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // gone or unreadable: the spec keeps showing its id
        }
    }

    /** The run service itself, for the page's controls (cancel, edit). */
    public RunService service() {
        return runs;
    }

    public Optional<Run> run(String id) {
        return runs.find(id);
    }

    public List<MetricPoint> points(String id) {
        return metrics.points(id);
    }

    public List<String> notes(String id) {
        return runs.notes(id);
    }

    public Optional<ExperimentKind<?>> kind(String kindId) {
        return kinds.find(kindId);
    }

    /** The run page sections the run's kind declares (none for an unknown kind). */
    public List<Section> sections(String kindId) {
        return kinds.find(kindId).map(ExperimentKind::sections).orElse(List.of());
    }

    /** The steps at which any of {@code names} has a snapshot. */
    public List<Long> matrixSteps(String id, Collection<String> names) {
        return matrices.list(id).stream()
                .filter(m -> names.contains(m.name()))
                .map(MatrixSnapshot.Info::step)
                .distinct()
                .toList();
    }

    /** Each of {@code names} at {@code step}, or at its last step before. */
    public List<MatrixSnapshot> matricesAt(String id, Collection<String> names, long step) {
        return names.stream()
                .map(name -> matrices.findAtOrBefore(id, name, step))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The latest snapshot of one matrix. */
    public Optional<MatrixSnapshot> latestMatrix(String id, String name) {
        return matrices.find(id, name, null);
    }

    /** The other runs of the run's kind, newest first as the service lists them. */
    public List<Run> others(Run run) {
        return runs.list(run.kind(), null).stream()
                .filter(r -> !r.id().equals(run.id()))
                .toList();
    }
}
