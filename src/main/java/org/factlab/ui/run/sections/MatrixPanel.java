package org.factlab.ui.run.sections;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;
import org.factlab.experiments.paper.TexText;
import org.factlab.experiments.sections.MatricesSection;
import org.factlab.runs.MatrixSnapshot;
import org.factlab.ui.base.DownloadLink;
import org.factlab.ui.charts.Heatmap;

/**
 * A {@link MatricesSection}: heatmaps of the declared matrices in the declared order, all driven by one step
 * slider, with CSV/PNG/SVG downloads. Hidden until a declared matrix has a snapshot.
 */
public final class MatrixPanel extends VerticalLayout {

    private final MatricesSection section;
    private final String downloadBase;
    private final TreeSet<Long> steps = new TreeSet<>();
    private final Input slider = new Input(ValueChangeMode.ON_CHANGE);
    private final Span stepLabel = new Span();
    private final Checkbox followLatest = new Checkbox("follow latest step", true);
    private final Div grid = new Div();
    private final Map<String, Heatmap> heatmaps = new LinkedHashMap<>();
    private final Map<String, HorizontalLayout> downloads = new LinkedHashMap<>();
    private long shownStep = -1;
    /** What is drawn of a step's snapshots (the filters' mosaic), or the snapshots themselves. */
    private final UnaryOperator<List<MatrixSnapshot>> arrange;

    /**
     * @param downloadBase the run's download root: {@code /api/runs/<id>}, or {@code /s/<token>} on a share link
     * @param onStepChosen called (on the UI thread) when the user moves the slider; loads and shows that step
     */
    MatrixPanel(MatricesSection section, String downloadBase, LongConsumer onStepChosen) {
        this(section, downloadBase, onStepChosen, UnaryOperator.identity());
    }

    /** @param arrange turns a step's snapshots of the declared matrices into the heatmaps drawn */
    MatrixPanel(
            MatricesSection section,
            String downloadBase,
            LongConsumer onStepChosen,
            UnaryOperator<List<MatrixSnapshot>> arrange) {
        this.arrange = arrange;
        this.section = section;
        this.downloadBase = downloadBase;
        setId(section.id());
        setPadding(false);
        slider.setType("range");
        slider.setId(section.id() + "-step-slider");
        slider.setWidth("28em");
        slider.getElement().setAttribute("min", "0");
        slider.getElement().setAttribute("step", "1");
        slider.addValueChangeListener(e -> {
            List<Long> list = new ArrayList<>(steps);
            if (list.isEmpty() || e.getValue() == null || e.getValue().isBlank()) {
                return;
            }
            int i = Math.max(0, Math.min(list.size() - 1, Integer.parseInt(e.getValue())));
            followLatest.setValue(i == list.size() - 1);
            onStepChosen.accept(list.get(i));
        });
        grid.addClassName("heatmap-grid");
        HorizontalLayout controls = new HorizontalLayout(new Span("Step"), slider, stepLabel, followLatest);
        controls.setAlignItems(Alignment.CENTER);
        add(new com.vaadin.flow.component.html.H3(TexText.of(section.title())));
        if (!section.description().isEmpty()) {
            add(new com.vaadin.flow.component.html.Paragraph(TexText.of(section.description())));
        }
        add(controls, grid);
        setVisible(false);
    }

    /** The declared matrix names, in order. */
    public List<String> names() {
        return section.matrices().stream().map(MatricesSection.Matrix::name).toList();
    }

    /** Adds known snapshot steps; returns true when the view should load the newest step (following). */
    public boolean addSteps(List<Long> newSteps) {
        boolean grew = steps.addAll(newSteps);
        if (!steps.isEmpty()) {
            setVisible(true);
            slider.getElement().setAttribute("max", Integer.toString(steps.size() - 1));
        }
        return grew && followLatest.getValue();
    }

    public long latestStep() {
        return steps.isEmpty() ? -1 : steps.last();
    }

    public boolean isFollowing() {
        return followLatest.getValue();
    }

    /**
     * Shows the snapshots of one step (one per declared matrix name), in the declared order; each heatmap's
     * {@code data-step} attribute names the step of the snapshot it shows.
     */
    public void show(long step, List<MatrixSnapshot> loaded) {
        List<MatrixSnapshot> snapshots = arrange.apply(loaded);
        shownStep = step;
        stepLabel.setText(Long.toString(step));
        slider.setValue(Integer.toString(steps.headSet(step, true).size() - 1));
        List<String> order = names();
        for (MatrixSnapshot m : snapshots.stream()
                .filter(m -> order.contains(m.name()))
                .sorted(Comparator.comparingInt(m -> order.indexOf(m.name())))
                .toList()) {
            Heatmap h = heatmaps.computeIfAbsent(m.name(), this::addHeatmap);
            h.setMatrix(label(m.name()) + " (step " + m.step() + ")", m.rows(), m.cols(), m.data());
            h.getElement().setAttribute("data-step", Long.toString(m.step()));
            HorizontalLayout links = downloads.get(m.name());
            links.removeAll();
            String base = downloadBase + "/matrices/" + m.name();
            links.add(
                    DownloadLink.to(base + ".csv?step=" + m.step(), "CSV"),
                    DownloadLink.to(base + ".png?step=" + m.step(), "PNG"),
                    DownloadLink.to(base + ".svg?step=" + m.step(), "SVG"));
        }
    }

    long shownStep() {
        return shownStep;
    }

    private String label(String name) {
        return section.matrices().stream()
                .filter(m -> m.name().equals(name))
                .map(MatricesSection.Matrix::label)
                .findFirst()
                .orElse(name);
    }

    private Heatmap addHeatmap(String name) {
        Heatmap h = new Heatmap();
        h.setId("heatmap-" + name);
        HorizontalLayout links = new HorizontalLayout();
        downloads.put(name, links);
        VerticalLayout cell = new VerticalLayout(h, links);
        cell.setPadding(false);
        cell.setSpacing(false);
        grid.add(cell);
        return h;
    }
}
