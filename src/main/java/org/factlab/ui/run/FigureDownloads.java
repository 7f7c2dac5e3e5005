package org.factlab.ui.run;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.Set;
import java.util.TreeSet;
import org.factlab.experiments.paper.ChartGroups;
import org.factlab.ui.base.DownloadLink;

/**
 * Links to every chart of the run as a figure for a paper (SVG, and PNG at 2×: title, axis names, legend, no
 * widgets), drawn by the server up to the run's latest step ({@code /api/runs/{id}/charts}).
 */
final class FigureDownloads extends HorizontalLayout {

    private final String base;
    private final Set<String> shown = new TreeSet<>();

    FigureDownloads(String downloadBase) {
        this.base = downloadBase + "/charts/";
        setId("figure-downloads");
        getStyle().set("flex-wrap", "wrap");
        add(new Span("Charts as figures:"));
    }

    /** Adds links for the charts of these series not shown yet. */
    void show(Set<String> series) {
        for (String group : ChartGroups.all(series)) {
            if (shown.add(group)) {
                Span entry = new Span(group + " ");
                entry.add(
                        DownloadLink.to(base + group + ".svg", "SVG"),
                        new Span(" "),
                        DownloadLink.to(base + group + ".png", "PNG"));
                entry.setId("figure-" + group);
                add(entry);
            }
        }
    }
}
