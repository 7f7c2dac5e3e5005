package org.factlab.ui;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.dom.Element;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.factlab.experiments.study.StudyTable;
import org.factlab.experiments.study.TableGrid;

/**
 * A study's results table as an HTML table, with its pivot and its summary keys chosen here, and a CSV link to
 * {@code <base>/table.csv} ({@code /api/studies/{id}}, or {@code /s/{token}} on a shared study) with the same
 * choices, so the download has exactly the shown rows and columns (at full precision).
 */
final class StudyTablePanel extends VerticalLayout {

    private static final String BY_SETTING = "(one row per setting)";

    private final String downloadBase;
    private final Select<String> pivot = new Select<>();
    private final MultiSelectComboBox<String> keys = new MultiSelectComboBox<>("Summary values");
    private final Anchor csv = DownloadLink.to("", "Download this table (CSV)");
    private final Div table = new Div();
    private StudyTable shown;
    private boolean updating;

    StudyTablePanel(String downloadBase, List<String> axes, String defaultPivot, List<String> defaultKeys) {
        this.downloadBase = downloadBase;
        setPadding(false);
        pivot.setLabel("Columns");
        pivot.setId("study-pivot");
        List<String> choices = new ArrayList<>(List.of(BY_SETTING));
        choices.addAll(axes);
        pivot.setItems(choices);
        pivot.setItemLabelGenerator(c -> BY_SETTING.equals(c) ? c : "one group per value of " + c);
        pivot.setValue(defaultPivot != null && axes.contains(defaultPivot) ? defaultPivot : BY_SETTING);
        keys.setId("study-keys");
        keys.setWidth("40em");
        keys.setItems(defaultKeys);
        keys.setValue(new LinkedHashSet<>(defaultKeys));
        csv.setId("study-table-csv");
        table.setId("study-table");
        table.getStyle().set("overflow-x", "auto").set("max-width", "100%");
        pivot.addValueChangeListener(e -> redraw());
        keys.addValueChangeListener(e -> redraw());
        HorizontalLayout controls = new HorizontalLayout(pivot, keys, csv);
        controls.setAlignItems(Alignment.BASELINE);
        add(controls, table);
    }

    /** Shows a fresh table, keeping the user's choices; newly seen summary keys become choosable. */
    void show(StudyTable t) {
        shown = t;
        LinkedHashSet<String> selected = new LinkedHashSet<>(keys.getValue());
        LinkedHashSet<String> items = new LinkedHashSet<>(t.keys());
        items.addAll(selected);
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
        List<String> chosen = new ArrayList<>(new java.util.TreeSet<>(keys.getValue()));
        TableGrid grid = shown.layout(field, chosen);
        csv.setHref(downloadBase + "/table.csv?" + (field == null ? "" : "pivot=" + encode(field) + "&")
                + "keys=" + encode(String.join(",", chosen.isEmpty() ? shown.keys() : chosen)));
        table.getElement().removeAllChildren();
        Element html = new Element("table");
        html.getStyle().set("border-collapse", "collapse").set("font-size", "var(--lumo-font-size-s)");
        Element head = new Element("tr");
        grid.header().forEach(h -> head.appendChild(cell("th", h)));
        html.appendChild(new Element("thead").appendChild(head));
        Element body = new Element("tbody");
        for (List<Object> row : grid.rows()) {
            Element tr = new Element("tr");
            row.forEach(value -> tr.appendChild(cell("td", text(value))));
            body.appendChild(tr);
        }
        html.appendChild(body);
        table.getElement().appendChild(html);
    }

    private static Element cell(String tag, String text) {
        Element e = new Element(tag).setText(text);
        e.getStyle().set("padding", "2px 10px").set("border-bottom", "1px solid var(--lumo-contrast-10pct)")
                .set("text-align", "left").set("white-space", "nowrap");
        return e;
    }

    private static String text(Object cell) {
        return cell == null ? "" : cell instanceof Double d ? Formats.number(d) : cell.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
