package org.factlab.ui.study;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.dom.Element;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.factlab.experiments.sections.Section;
import org.factlab.experiments.sweep.StudyTable;
import org.factlab.experiments.sweep.TableGrid;
import org.factlab.runs.compare.FieldText;
import org.factlab.studies.StudyPlotData;
import org.factlab.ui.base.DownloadLink;

/**
 * A study's results: a plot of each chosen summary value against a swept field ({@link StudyPlot}: mean ± std error
 * bars, a line per value of the other swept fields), and the table as HTML with "mean ± std (n)" cells
 * ({@link StudyCells}), its pivot and its summary keys chosen here (by default the kind's headline values), and a
 * CSV link to {@code <base>/table.csv} ({@code /api/studies/{id}}, or {@code /s/{token}} on a shared study) with the
 * same choices, so the download has exactly the shown rows and columns (at full precision).
 */
final class StudyTablePanel extends VerticalLayout {

    private static final String BY_SETTING = "(one row per setting)";

    private final String downloadBase;
    private final Select<String> pivot = new Select<>();
    private final MultiSelectComboBox<String> keys = new MultiSelectComboBox<>("Summary values");
    private final Anchor csv = DownloadLink.to("", "Download this table (CSV)");
    private final Select<String> plotField = new Select<>();
    private final Div plots = new Div();
    private final Checkbox logX = new Checkbox("log x axis");
    private final Checkbox fullRange = new Checkbox("y over the full range");
    /** The field whose default scale the log box shows (null: none yet). */
    private String logField;

    private final Div plotDownloads = new Div();
    private final Map<String, StudyPlot> plotsByKey = new LinkedHashMap<>();
    private final Div table = new Div();
    private final List<String> axes;
    private final Function<String, String> seriesLabel;
    private final List<Section> sections;
    private final List<String> keyOrder = new ArrayList<>();
    private StudyTable shown;
    private boolean updating;

    /**
     * @param defaultKeys the summary values shown first (a study preset's, else the kind's headline values)
     * @param seriesLabel how the paper writes a summary key, for the plots' titles and axes
     * @param sections    the kind's run-page sections: a key's declared axis fixes its plot's y range
     */
    StudyTablePanel(
            String downloadBase,
            List<String> axes,
            String defaultPivot,
            List<String> defaultKeys,
            Function<String, String> seriesLabel,
            List<Section> sections) {
        this.downloadBase = downloadBase;
        this.sections = sections;
        this.axes = axes;
        this.seriesLabel = seriesLabel;
        keyOrder.addAll(defaultKeys);
        setPadding(false);
        pivot.setLabel("Columns");
        pivot.setId("study-pivot");
        List<String> choices = new ArrayList<>(List.of(BY_SETTING));
        choices.addAll(axes);
        pivot.setItems(choices);
        pivot.setItemLabelGenerator(c -> BY_SETTING.equals(c) ? c : "one group per value of " + FieldText.name(c));
        pivot.setValue(defaultPivot != null && axes.contains(defaultPivot) ? defaultPivot : BY_SETTING);
        keys.setId("study-keys");
        keys.setWidth("40em");
        keys.setItems(defaultKeys);
        keys.setItemLabelGenerator(seriesLabel::apply);
        keys.setValue(new LinkedHashSet<>(defaultKeys));
        csv.setId("study-table-csv");
        table.setId("study-table");
        table.getStyle().set("overflow-x", "auto").set("max-width", "100%");
        plotField.setLabel("Plotted against");
        plotField.setId("study-plot-field");
        plotField.setItems(axes);
        plotField.setItemLabelGenerator(FieldText::name);
        plotField.setVisible(!axes.isEmpty());
        if (!axes.isEmpty()) {
            plotField.setValue(defaultPivot != null && axes.contains(defaultPivot) ? defaultPivot : axes.get(0));
        }
        plots.addClassName("chart-grid");
        plots.setId("study-plots");
        pivot.addValueChangeListener(e -> redraw());
        keys.addValueChangeListener(e -> redraw());
        plotField.addValueChangeListener(e -> redraw());
        logX.setId("study-plot-log-x");
        fullRange.setId("study-plot-full-range");
        logX.addValueChangeListener(e -> redraw());
        fullRange.addValueChangeListener(e -> redraw());
        HorizontalLayout controls = new HorizontalLayout(keys, plotField, logX, fullRange, pivot, csv);
        controls.setAlignItems(Alignment.BASELINE);
        plotDownloads.setId("study-plot-downloads");
        add(controls, plots, plotDownloads, table);
    }

    /** Shows a fresh table, keeping the user's choices; newly seen summary keys become choosable. */
    void show(StudyTable t) {
        shown = t;
        LinkedHashSet<String> selected = new LinkedHashSet<>(keys.getValue());
        t.keys().stream().filter(k -> !keyOrder.contains(k)).forEach(keyOrder::add);
        selected.stream().filter(k -> !keyOrder.contains(k)).forEach(keyOrder::add);
        LinkedHashSet<String> items = new LinkedHashSet<>(keyOrder);
        updating = true;
        keys.setItems(items);
        keys.setValue(selected);
        updating = false;
        redraw();
    }

    private void redraw() {
        if (shown == null || updating) {
            return;
        }
        String field = BY_SETTING.equals(pivot.getValue()) ? null : pivot.getValue();
        List<String> chosen =
                keyOrder.stream().filter(keys.getValue()::contains).toList();
        redrawPlots(chosen);
        TableGrid grid = StudyCells.merge(shown.layout(field, chosen), axes, field);
        csv.setHref(downloadBase + "/table.csv?" + (field == null ? "" : "pivot=" + encode(field) + "&") + "keys="
                + encode(String.join(",", chosen.isEmpty() ? shown.keys() : chosen)));
        table.getElement().removeAllChildren();
        Element html = new Element("table");
        html.getStyle().set("border-collapse", "collapse").set("font-size", "var(--lumo-font-size-s)");
        Element head = new Element("tr");
        grid.header().forEach(h -> head.appendChild(cell("th", labelled(h)).setAttribute("title", h)));
        html.appendChild(new Element("thead").appendChild(head));
        Element body = new Element("tbody");
        for (List<Object> row : grid.rows()) {
            Element tr = new Element("tr");
            row.forEach(value -> tr.appendChild(cell("td", value == null ? "" : labelled(value.toString()))));
            body.appendChild(tr);
        }
        html.appendChild(body);
        table.getElement().appendChild(html);
    }

    /** A summary key (or its "… (paper)" column) as the paper writes it; the CSV keeps the key itself. */
    private String labelled(String text) {
        String paper = " (paper)";
        String key = text.endsWith(paper) ? text.substring(0, text.length() - paper.length()) : text;
        return keyOrder.contains(key) ? seriesLabel.apply(key) + (key.equals(text) ? "" : paper) : text;
    }

    private static Element cell(String tag, String text) {
        Element e = new Element(tag).setText(text);
        e.getStyle()
                .set("padding", "2px 10px")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)")
                .set("text-align", "left")
                .set("white-space", "nowrap");
        return e;
    }

    /** One plot per chosen key against the chosen field; plots already shown get new data instead of being rebuilt. */
    private void redrawPlots(List<String> chosen) {
        String field = plotField.getValue();
        List<String> plotted = field == null || shown.rows().isEmpty() ? List.of() : chosen;
        new ArrayList<>(plotsByKey.keySet())
                .stream().filter(k -> !plotted.contains(k)).forEach(k -> plots.remove(plotsByKey.remove(k)));
        for (String key : plotted) {
            StudyPlot plot = plotsByKey.computeIfAbsent(key, k -> {
                StudyPlot p = new StudyPlot();
                p.setId("study-plot-" + k);
                return p;
            });
            StudyPlotData data = StudyPlotData.of(shown, field, key, sections);
            if (!field.equals(logField)) {
                logField = field; // a new field: its default scale (log from a decade on), which the box then keeps
                updating = true;
                logX.setValue(data.logX());
                updating = false;
            }
            logX.setEnabled(data.categories() == null);
            plot.setPlot(
                    data,
                    seriesLabel.apply(key) + " against " + FieldText.name(field),
                    FieldText.name(field),
                    logX.getValue(),
                    fullRange.getValue());
        }
        logX.setVisible(!plotted.isEmpty());
        fullRange.setVisible(!plotted.isEmpty());
        plotDownloads.removeAll();
        for (String key : plotted) {
            String query = "?value=" + encode(key) + "&field=" + encode(field);
            plotDownloads.add(
                    new Span(seriesLabel.apply(key) + ": "),
                    DownloadLink.to(downloadBase + "/plot.svg" + query, "SVG"),
                    new Span(" · "),
                    DownloadLink.to(downloadBase + "/plot.png" + query, "PNG (2×)"),
                    new Span("   "));
        }
        List<String> onPage = plots.getChildren().map(c -> c.getId().orElse("")).toList();
        if (!onPage.equals(plotted.stream().map(k -> "study-plot-" + k).toList())) {
            plots.removeAll();
            plotted.forEach(k -> plots.add(plotsByKey.get(k)));
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
