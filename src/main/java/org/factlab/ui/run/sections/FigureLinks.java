package org.factlab.ui.run.sections;

import com.vaadin.flow.component.html.Span;
import org.factlab.ui.base.DownloadLink;

/**
 * Links to one of a run's scatter figures drawn by the server ({@code <base>/figures/<name>.svg} and {@code .png}
 * at 2×, listed by {@code GET /api/runs/{id}/figures}), placed beside the chart they reproduce.
 */
final class FigureLinks {

    /** A results table's per-dataset accuracy scatter (a scatter-fit section's figure is named by its id). */
    static final String TABULAR_SCATTER = "tabular-scatter";

    private FigureLinks() {}

    /** @param downloadBase {@code /api/runs/<id>}, or {@code /s/<token>} on a share page */
    static Span of(String downloadBase, String name) {
        String base = downloadBase + "/figures/" + name;
        Span links = new Span(
                new Span("This chart as a figure: "),
                DownloadLink.to(base + ".svg", "SVG"),
                new Span(" · "),
                DownloadLink.to(base + ".png", "PNG (2×)"));
        links.setId("figure-links-" + name);
        return links;
    }
}
