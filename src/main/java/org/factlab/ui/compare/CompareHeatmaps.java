package org.factlab.ui.compare;

import com.vaadin.flow.component.html.Div;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.factlab.runs.MatrixRepository;
import org.factlab.runs.MatrixSnapshot;
import org.factlab.runs.Run;
import org.factlab.runs.compare.CompareGroups;
import org.factlab.ui.charts.Heatmap;
import org.factlab.ui.charts.MatrixPreview;

/** One matrix of every compared run side by side at one step, all on one colour scale: the range over all of them. */
final class CompareHeatmaps extends Div {

    private final MatrixRepository matrices;

    CompareHeatmaps(MatrixRepository matrices) {
        this.matrices = matrices;
        addClassName("heatmap-grid");
        setId("compare-heatmaps");
    }

    /**
     * Shows {@code matrix} of every run at {@code step} (null: each run's latest); nothing when no matrix is chosen.
     */
    void render(List<Run> runs, String matrix, Long step) {
        removeAll();
        if (matrix == null) {
            return;
        }
        Map<Run, MatrixSnapshot> shown = new LinkedHashMap<>();
        for (Run r : runs) {
            Optional<MatrixSnapshot> m = step == null ? matrices.find(r.id(), matrix, null)
                    : matrices.findAtOrBefore(r.id(), matrix, step);
            m.ifPresent(snapshot -> shown.put(r, snapshot));
        }
        float low = Float.NaN;
        float high = Float.NaN;
        for (MatrixSnapshot snapshot : shown.values()) {
            MatrixPreview preview = MatrixPreview.blockReduce(snapshot.rows(), snapshot.cols(), snapshot.data(),
                    Heatmap.MAX_SIDE);
            if (!Float.isNaN(preview.min())) {
                low = Float.isNaN(low) ? preview.min() : Math.min(low, preview.min());
                high = Float.isNaN(high) ? preview.max() : Math.max(high, preview.max());
            }
        }
        Map<String, String> labelById = new LinkedHashMap<>();
        CompareGroups.of(runs, CompareGroups.GROUP_NONE, null).forEach(g -> labelById.put(g.runs().get(0).id(),
                g.label()));
        for (Map.Entry<Run, MatrixSnapshot> e : shown.entrySet()) {
            MatrixSnapshot snapshot = e.getValue();
            Heatmap h = new Heatmap();
            h.setMatrixInRange(labelById.get(e.getKey().id()) + " (step " + snapshot.step() + ")", snapshot.rows(),
                    snapshot.cols(), snapshot.data(), low, high);
            add(h);
        }
    }
}
