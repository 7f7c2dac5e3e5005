package org.factlab.ui.run.sections;

import com.vaadin.flow.component.html.Span;
import org.factlab.ui.base.DownloadLink;

/**
 * Links to one of a run's scatter figures drawn by the server ({@code <base>/figures/<name>.svg} and {@code .png}
 * at 2×, listed by {@code GET /api/runs/{id}/figures}), placed beside the chart they reproduce.
 */
final class FigureLinks {

    /** Figure 7: τ against k′ per sampled pair with its fit through the origin. */
    static final String FIGURE7 = "figure7";
    /** The tabular kind's per-dataset accuracy scatter. */
    static final String TABULAR_SCATTER = "tabular-scatter";

    private FigureLinks() {
    }

    /** @param downloadBase {@code /api/runs/<id>}, or {@code /s/<token>} on a share page */
    static Span of(String downloadBase, String name) {
        String base = downloadBase + "/figures/" + name;
        Span links = new Span(new Span("This chart as a figure: "), DownloadLink.to(base + ".svg", "SVG"),
                new Span(" · "), DownloadLink.to(base + ".png", "PNG (2×)"));
        links.setId("figure-links-" + name);
        return links;
    }
}
