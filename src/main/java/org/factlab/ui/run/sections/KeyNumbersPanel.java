package org.factlab.ui.run.sections;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.factlab.experiments.paper.SeriesLabels;
import org.factlab.experiments.paper.TexText;
import org.factlab.experiments.sections.KeyNumbersSection;
import org.factlab.experiments.sections.KeyNumbersSection.KeyNumber;
import org.factlab.experiments.sections.SeriesPattern;
import org.factlab.ui.base.Formats;

/**
 * A {@link KeyNumbersSection}: a two-column table (quantity, value) of the run's single numbers, e.g. the final
 * accuracy, the grokking iteration, the τ–k′ slope and R², or, when every number is per layer, a table of quantities
 * × layers ({@link LayerTable}). Rows without a value are left out; hidden while none has.
 */
final class KeyNumbersPanel extends VerticalLayout implements SectionPanel {

    private final KeyNumbersSection section;
    private final Element body = new Element("tbody");
    /** What the table shows: the rows, or the layer table. */
    private Object shown = Map.of();

    KeyNumbersPanel(KeyNumbersSection section) {
        this.section = section;
        setId(section.id());
        setPadding(false);
        setSpacing(false);
        Element table = new Element("table");
        table.setAttribute("class", "key-numbers");
        table.appendChild(body);
        add(new H3(TexText.of(section.title())));
        getElement().appendChild(table);
        setVisible(false);
    }

    @Override
    public void show(RunPageData data) {
        LayerTable layered = LayerTable.of(section, data);
        Map<String, String> rows = layered == null ? rows(section, data) : Map.of();
        Object next = layered == null ? rows : layered;
        if (next.equals(shown)) {
            return;
        }
        shown = next;
        body.removeAllChildren();
        if (layered != null) {
            showLayers(layered);
        }
        rows.forEach((label, value) -> {
            Element tr = new Element("tr");
            tr.appendChild(new Element("th").setText(label), number(value));
            body.appendChild(tr);
        });
        setVisible(layered != null || !rows.isEmpty());
    }

    /** A value's cell: a number never breaks inside itself, however narrow the window. */
    private static Element number(String value) {
        Element td = new Element("td").setText(value);
        td.getStyle().set("white-space", "nowrap");
        return td;
    }

    /** A row per quantity, a column per layer. */
    private void showLayers(LayerTable table) {
        Element head = new Element("tr").appendChild(new Element("th"));
        table.layers().forEach(l -> head.appendChild(new Element("th").setText("layer " + l)));
        body.appendChild(head);
        table.rows().forEach((label, cells) -> {
            Element tr = new Element("tr").appendChild(new Element("th").setText(label));
            cells.forEach(c -> tr.appendChild(number(c)));
            body.appendChild(tr);
        });
    }

    /** Label → formatted value, in the declared order; a key pattern gives a row per matching key. */
    static Map<String, String> rows(KeyNumbersSection section, RunPageData data) {
        Map<String, String> rows = new LinkedHashMap<>();
        TreeSet<String> keys = new TreeSet<>(data.summary().keySet());
        keys.addAll(data.curves().keySet());
        for (KeyNumber n : section.numbers()) {
            List<String> matching = n.key().contains("{")
                    ? new ArrayList<>(keys.stream()
                            .filter(k -> SeriesPattern.matches(n.key(), k))
                            .toList())
                    : List.of(n.key());
            for (String key : matching) {
                Double v = data.value(key);
                if (v != null && Double.isFinite(v)) {
                    String label = SeriesLabels.keyNumber(n, key);
                    // a value read off the live series (no summary yet) is not final while the run goes on
                    rows.put(
                            data.summary().containsKey(key) ? label : label.replaceFirst("^Final ", "Latest "),
                            format(n.format(), v));
                }
            }
        }
        return rows;
    }

    static String format(KeyNumbersSection.Format format, double v) {
        return switch (format) {
            case PERCENT -> String.format(Locale.ROOT, "%.2f%%", 100 * v);
            case WHOLE -> Long.toString(Math.round(v));
            case DECIMAL -> Formats.number(v);
        };
    }
}
