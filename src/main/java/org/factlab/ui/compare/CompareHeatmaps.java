package org.factlab.ui.compare;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.factlab.experiments.paper.SeriesLabels;
import org.factlab.runs.MatrixRepository;
import org.factlab.runs.MatrixSnapshot;
import org.factlab.runs.Run;
import org.factlab.runs.compare.CompareGroups;
import org.factlab.ui.charts.Heatmap;
import org.factlab.ui.charts.MatrixPreview;

/**
 * "Matrices side by side": a matrix and a step to choose, then that matrix of every compared run at that step, all on
 * one colour scale (the range over all of them).
 */
final class CompareHeatmaps extends VerticalLayout {

    private static final String NO_MATRIX = "(none)";
    private static final String LATEST = "latest";

    private final MatrixRepository matrices;
    private final Select<String> matrixChoice = new Select<>();
    private final Select<String> stepChoice = new Select<>();
    private final Div grid = new Div();
    private boolean filling;

    /** @param chosen called with the chosen matrix (null: none) and step (null: each run's latest) */
    CompareHeatmaps(MatrixRepository matrices, BiConsumer<String, Long> chosen) {
        this.matrices = matrices;
        setPadding(false);
        matrixChoice.setLabel("Matrix");
        stepChoice.setLabel("Step");
        matrixChoice.setItemLabelGenerator(m -> NO_MATRIX.equals(m) ? m : SeriesLabels.matrix(m));
        matrixChoice.addValueChangeListener(e -> {
            if (!filling) {
                chosen.accept(matrix(), null);
            }
        });
        stepChoice.addValueChangeListener(e -> {
            if (!filling) {
                chosen.accept(
                        matrix(),
                        e.getValue() == null || LATEST.equals(e.getValue()) ? null : Long.parseLong(e.getValue()));
            }
        });
        grid.addClassName("heatmap-grid");
        grid.setId("compare-heatmaps");
        add(new H3("Matrices side by side"), new HorizontalLayout(matrixChoice, stepChoice), grid);
    }

    /** The matrices the runs recorded to choose from, and the chosen one's steps. */
    void fill(List<Run> runs, String matrix, Long step) {
        filling = true;
        Set<String> names = new TreeSet<>();
        Set<Long> steps = new TreeSet<>();
        for (Run r : runs) {
            for (MatrixSnapshot.Info m : matrices.list(r.id())) {
                names.add(m.name());
                if (m.name().equals(matrix)) {
                    steps.add(m.step());
                }
            }
        }
        List<String> matrixItems = new ArrayList<>(List.of(NO_MATRIX));
        matrixItems.addAll(names);
        matrixChoice.setItems(matrixItems);
        matrixChoice.setValue(matrix == null || !names.contains(matrix) ? NO_MATRIX : matrix);
        List<String> stepItems = new ArrayList<>(List.of(LATEST));
        steps.forEach(s -> stepItems.add(Long.toString(s)));
        stepChoice.setItems(stepItems);
        stepChoice.setValue(step == null ? LATEST : step.toString());
        filling = false;
    }

    private String matrix() {
        return NO_MATRIX.equals(matrixChoice.getValue()) ? null : matrixChoice.getValue();
    }

    /**
     * Shows {@code matrix} of every run at {@code step} (null: each run's latest); nothing when no matrix is chosen.
     */
    void render(List<Run> runs, String matrix, Long step) {
        grid.removeAll();
        if (matrix == null) {
            return;
        }
        Map<Run, MatrixSnapshot> shown = new LinkedHashMap<>();
        for (Run r : runs) {
            Optional<MatrixSnapshot> m =
                    step == null ? matrices.find(r.id(), matrix, null) : matrices.findAtOrBefore(r.id(), matrix, step);
            m.ifPresent(snapshot -> shown.put(r, snapshot));
        }
        float low = Float.NaN;
        float high = Float.NaN;
        for (MatrixSnapshot snapshot : shown.values()) {
            MatrixPreview preview =
                    MatrixPreview.blockReduce(snapshot.rows(), snapshot.cols(), snapshot.data(), Heatmap.MAX_SIDE);
            if (!Float.isNaN(preview.min())) {
                low = Float.isNaN(low) ? preview.min() : Math.min(low, preview.min());
                high = Float.isNaN(high) ? preview.max() : Math.max(high, preview.max());
            }
        }
        Map<String, String> labelById = new LinkedHashMap<>();
        CompareGroups.of(runs, CompareGroups.GROUP_NONE, null)
                .forEach(g -> labelById.put(g.runs().get(0).id(), g.label()));
        for (Map.Entry<Run, MatrixSnapshot> e : shown.entrySet()) {
            MatrixSnapshot snapshot = e.getValue();
            Heatmap h = new Heatmap();
            h.setMatrixInRange(
                    labelById.get(e.getKey().id()) + " (step " + snapshot.step() + ")",
                    snapshot.rows(),
                    snapshot.cols(),
                    snapshot.data(),
                    low,
                    high);
            grid.add(h);
        }
    }
}
