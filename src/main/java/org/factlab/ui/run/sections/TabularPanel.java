package org.factlab.ui.run.sections;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.factlab.experiments.paper.TexText;
import org.factlab.experiments.sections.ResultsTable;
import org.factlab.experiments.sections.ResultsTableSection;
import org.factlab.ui.base.DownloadLink;
import org.factlab.ui.charts.LineChart;

/**
 * A declared results table ({@link ResultsTableSection}; the tabular kind's paper Table 3): dataset × method test
 * accuracies with the best of each row highlighted and a mean row, the paper's averages beside ours, the declared
 * scatter of methods against one per dataset with the diagonal (FACT-RFM against NFA-RFM), the failures with their
 * reasons, the protocol, and the table as CSV.
 */
final class TabularPanel extends VerticalLayout implements SectionPanel {

    private static final String BEST_STYLE = "var(--lumo-success-color-10pct)";

    /** A table line: a dataset, or the mean row (row null). */
    private record Line(String label, ResultsTable.Row row, Map<String, Double> means) {}

    /** One method's average in the paper and in this run. */
    private record Comparison(String method, double paper, Double ours) {}

    private final Grid<Line> table = new Grid<>();
    private final Grid<Comparison> comparison = new Grid<>();
    private final Paragraph compared = new Paragraph();
    private final Paragraph failures = new Paragraph();
    private final LineChart scatter = new LineChart();
    private final ResultsTableSection section;
    private List<String> shownMethods = List.of();

    /** @param downloadBase {@code /api/runs/<id>}, or {@code /s/<token>} on a share page */
    TabularPanel(ResultsTableSection section, String downloadBase) {
        this.section = section;
        setPadding(false);
        setId(section.id());
        table.setId("tabular-table");
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        table.setAllRowsVisible(true);
        comparison.setId("tabular-paper");
        comparison.addThemeVariants(GridVariant.LUMO_COMPACT);
        comparison
                .addColumn(c -> section.methodTitle(c.method()))
                .setHeader("method")
                .setAutoWidth(true);
        comparison.addColumn(c -> percent(c.paper())).setHeader(section.paperSource());
        comparison.addColumn(c -> c.ours() == null ? "—" : percent(c.ours())).setHeader("this run");
        comparison.setAllRowsVisible(true);
        comparison.setWidth("44em");
        failures.getStyle().set("color", "var(--lumo-error-text-color)");
        scatter.setId("chart-tabular-scatter");
        String x = section.methodTitle(section.scatter().x());
        String y = section.methodTitle(section.scatter().y().get(0));
        scatter.setTitle(y + " vs " + x + ", one point per dataset");
        scatter.setXAxisName(x + " test accuracy");
        scatter.setYAxisName(y + " test accuracy");
        scatter.setScatterSeries(
                section.scatter().y().stream().map(section::methodTitle).toList());
        scatter.setMaxWidth("760px");
        add(
                new H3(TexText.of(section.title())),
                new Paragraph(section.description()),
                table,
                failures,
                compared,
                comparison,
                scatter,
                FigureLinks.of(downloadBase, FigureLinks.TABULAR_SCATTER),
                DownloadLink.to(downloadBase + "/tabular.csv", "Download the table (CSV)"));
        setVisible(false);
    }

    @Override
    public void show(RunPageData data) {
        Map<String, java.util.NavigableMap<Long, Double>> series = new java.util.TreeMap<>();
        data.curves().forEach((name, xy) -> {
            if (section.claims(name)) {
                java.util.NavigableMap<Long, Double> points = new java.util.TreeMap<>();
                for (int i = 0; i < xy[0].length; i++) {
                    points.put((long) xy[0][i], xy[1][i]);
                }
                series.put(name, points);
            }
        });
        if (!series.isEmpty()) {
            show(ResultsTable.of(section, series, data.summary(), data.notes()));
        }
    }

    void show(ResultsTable results) {
        if (!results.methods().equals(shownMethods)) {
            buildColumns(results.methods());
        }
        List<Line> lines = new ArrayList<>();
        results.rows().forEach(r -> lines.add(new Line(r.dataset(), r, null)));
        lines.add(new Line("mean over " + results.compared().size() + " datasets", null, results.means()));
        table.setItems(lines);
        Map<String, Double> paper = section.paperMeans();
        comparison.setItems(results.methods().stream()
                .filter(paper::containsKey)
                .map(m -> new Comparison(m, paper.get(m), finite(results.means().get(m))))
                .toList());
        compared.setText("The " + section.paperSource() + " averages beside this run's over the "
                + results.compared().size() + " datasets on which every method succeeded: the dataset sets differ, "
                + "so compare the ranking of the methods rather than the numbers. Best of a row is highlighted; "
                + "datasets best per method: " + results.wins() + ".");
        List<String> failed = new ArrayList<>();
        results.rows().forEach(r -> {
            if (r.failure() != null) {
                failed.add(r.dataset() + ": " + r.failure());
            } else {
                r.cells().forEach((m, c) -> {
                    if (c.failed()) {
                        failed.add(r.dataset() + " / " + section.methodTitle(m) + ": " + c.reason());
                    }
                });
            }
        });
        failures.setText(failed.isEmpty() ? "" : "Failed: " + String.join(" · ", failed));
        failures.setVisible(!failed.isEmpty());
        showScatter(results);
        setVisible(true);
    }

    private void buildColumns(List<String> methods) {
        table.removeAllColumns();
        table.addColumn(Line::label).setHeader("dataset").setAutoWidth(true).setFrozen(true);
        table.addColumn(l -> count(l, ResultsTableSection.ROWS)).setHeader("n");
        table.addColumn(l -> count(l, ResultsTableSection.FEATURES)).setHeader("d");
        table.addColumn(l -> count(l, ResultsTableSection.CLASSES)).setHeader("classes");
        table.addColumn(l -> l.row() == null || l.row().info(ResultsTableSection.MAJORITY_ACCURACY) == null
                        ? ""
                        : percent(l.row().info(ResultsTableSection.MAJORITY_ACCURACY)))
                .setHeader("majority class");
        for (String m : methods) {
            table.addComponentColumn(l -> cell(l, m))
                    .setHeader(section.methodTitle(m))
                    .setAutoWidth(true);
        }
        table.addColumn(l -> l.row() == null || l.row().info(ResultsTableSection.SECONDS) == null
                        ? ""
                        : String.format(Locale.ROOT, "%.1f s", l.row().info(ResultsTableSection.SECONDS)))
                .setHeader("time");
        shownMethods = methods;
    }

    private static Component cell(Line line, String method) {
        Span span = new Span();
        if (line.row() == null) {
            Double mean = finite(line.means().get(method));
            span.setText(mean == null ? "—" : percent(mean));
            double top = line.means().values().stream()
                    .filter(Double::isFinite)
                    .mapToDouble(Double::doubleValue)
                    .max()
                    .orElse(Double.NaN);
            highlight(span, mean != null && mean >= top);
            span.getStyle().set("font-weight", "bold");
            return span;
        }
        ResultsTable.Cell c = line.row().cells().get(method);
        if (c.failed()) {
            span.setText("failed");
            span.setTitle(c.reason());
            span.getStyle().set("color", "var(--lumo-error-text-color)");
        } else if (c.accuracy() == null) {
            span.setText("…");
        } else {
            span.setText(percent(c.accuracy()));
            span.setTitle("reg per fold: " + c.regs() + ", iterations per fold: " + c.iterations());
            highlight(span, line.row().best().contains(method));
        }
        return span;
    }

    private static void highlight(Span span, boolean best) {
        if (best) {
            span.getStyle()
                    .set("background", BEST_STYLE)
                    .set("font-weight", "bold")
                    .set("padding", "0 0.3em");
            span.getElement().setAttribute("best", "");
        }
    }

    private void showScatter(ResultsTable results) {
        List<LineChart.Series> series = new ArrayList<>();
        double lo = 1;
        double hi = 0;
        for (String method : section.scatter().y()) {
            List<double[]> points = new ArrayList<>(results.scatterPoints(method));
            if (points.isEmpty()) {
                continue;
            }
            points.sort(Comparator.comparingDouble(p -> p[0]));
            double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
            for (double[] p : points) {
                lo = Math.min(lo, Math.min(p[0], p[1]));
                hi = Math.max(hi, Math.max(p[0], p[1]));
            }
            series.add(new LineChart.Series(section.methodTitle(method), x, y));
        }
        scatter.setVisible(!series.isEmpty());
        if (!series.isEmpty()) {
            series.add(new LineChart.Series("diagonal (equal accuracy)", new double[] {lo, hi}, new double[] {lo, hi}));
            scatter.setData(series);
        }
    }

    private static String count(Line line, String what) {
        Double v = line.row() == null ? null : line.row().info(what);
        return v == null ? "" : Long.toString(Math.round(v));
    }

    private static Double finite(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }
}
