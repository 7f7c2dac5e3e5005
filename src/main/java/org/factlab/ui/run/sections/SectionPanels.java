package org.factlab.ui.run.sections;

import com.vaadin.flow.component.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.factlab.experiments.sections.CurvesSection;
import org.factlab.experiments.sections.FiltersSection;
import org.factlab.experiments.sections.KeyNumbersSection;
import org.factlab.experiments.sections.LayerAlignmentSection;
import org.factlab.experiments.sections.MatricesSection;
import org.factlab.experiments.sections.ResultsTableSection;
import org.factlab.experiments.sections.ScatterFitSection;
import org.factlab.experiments.sections.Section;
import org.factlab.runs.MatrixSnapshot;

/**
 * The renderers of a kind's declared sections, in the declared order, plus the panel of series no section claims:
 * one renderer per section type, and a section type without one is refused (IllegalArgumentException), never
 * skipped. Sections drawn from curves and the summary are {@link SectionPanel}s; heatmaps ({@link MatrixPanel}) and
 * scatters of recorded pairs ({@link Figure7Panel}) are fed with matrices by the page.
 */
public final class SectionPanels {

    private final List<Component> components = new ArrayList<>();
    private final List<SectionPanel> panels = new ArrayList<>();
    private final List<MatrixPanel> matrices = new ArrayList<>();
    private final List<Figure7Panel> scatters = new ArrayList<>();

    /**
     * @param downloadBase the run's download root: {@code /api/runs/<id>}, or {@code /s/<token>} on a share link
     * @param onStepChosen called on the UI thread when the user picks a step on a heatmap panel's slider
     */
    public SectionPanels(List<Section> sections, String downloadBase, BiConsumer<MatrixPanel, Long> onStepChosen) {
        for (Section section : sections) {
            if (section instanceof KeyNumbersSection s) {
                add(new KeyNumbersPanel(s));
            } else if (section instanceof CurvesSection s) {
                add(new CurvePanel(s));
            } else if (section instanceof LayerAlignmentSection s) {
                add(new AlignmentPanel(s));
            } else if (section instanceof ResultsTableSection s) {
                add(new TabularPanel(s, downloadBase));
            } else if (section instanceof MatricesSection s) {
                addMatrices(s, downloadBase, onStepChosen, UnaryOperator.identity());
            } else if (section instanceof FiltersSection s) {
                MatricesSection both = new MatricesSection(
                        s.id(),
                        s.title(),
                        s.description(),
                        List.of(
                                MatricesSection.Matrix.of(
                                        s.matrix(), "Filters: each row of W as a q×q image per channel"),
                                MatricesSection.Matrix.of(s.reference(), s.reference())));
                addMatrices(both, downloadBase, onStepChosen, snapshots -> FilterMosaic.arrange(s, snapshots));
            } else if (section instanceof ScatterFitSection s) {
                Figure7Panel panel = new Figure7Panel(s, downloadBase);
                scatters.add(panel);
                components.add(panel);
            } else {
                throw new IllegalArgumentException(
                        "no renderer for section type " + section.getClass().getSimpleName() + " (section "
                                + section.id() + "): add one to SectionPanels");
            }
        }
        add(new OtherCurvesPanel(series -> sections.stream().anyMatch(s -> s.claims(series))));
    }

    /** Every section's component, in page order. */
    public List<Component> components() {
        return components;
    }

    /** The panels drawn from curves, summary and notes. */
    public List<SectionPanel> panels() {
        return panels;
    }

    public List<MatrixPanel> matrices() {
        return matrices;
    }

    public List<Figure7Panel> scatters() {
        return scatters;
    }

    /** True when a section needs the run's notes (a results table names its failures from them). */
    public boolean needNotes() {
        return panels.stream().anyMatch(TabularPanel.class::isInstance);
    }

    private void addMatrices(
            MatricesSection section,
            String downloadBase,
            BiConsumer<MatrixPanel, Long> onStepChosen,
            UnaryOperator<List<MatrixSnapshot>> arrange) {
        MatrixPanel[] panel = new MatrixPanel[1];
        panel[0] = new MatrixPanel(section, downloadBase, step -> onStepChosen.accept(panel[0], step), arrange);
        matrices.add(panel[0]);
        components.add(panel[0]);
    }

    private void add(SectionPanel panel) {
        panels.add(panel);
        components.add(panel.component());
    }
}
