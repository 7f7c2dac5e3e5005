package org.factlab.ui;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.factlab.runs.MatrixSnapshot;
import org.factlab.ui.charts.LineChart;

/**
 * Figure 7 of the paper for a finished RFM run: τ(xᵢ, xⱼ, M) against k′(xᵢᵀMxⱼ) over sampled training pairs, with
 * the best proportional fit τ ≈ slope·k′ and its R², from the run's {@code tau_kprime_pairs} matrix (k′, τ per
 * row) and its {@code tau_vs_kprime/*} summary values.
 */
final class Figure7Panel extends VerticalLayout {

    /** The matrix an RFM run records at its end: one row (k′, τ) per sampled pair. */
    static final String PAIRS = "tau_kprime_pairs";
    private static final String POINTS = "pairs (k′, τ)";

    private final LineChart chart = new LineChart();
    private final Paragraph fit = new Paragraph();

    /** @param downloadBase the run's download root: {@code /api/runs/<id>}, or {@code /s/<token>} on a share link */
    Figure7Panel(String downloadBase) {
        setPadding(false);
        chart.setId("chart-figure7");
        chart.setTitle("τ vs k′ (Figure 7)");
        chart.setXAxisName("k′");
        chart.setYAxisName("τ");
        chart.setScatterSeries(List.of(POINTS));
        chart.setMaxWidth("760px");
        add(new H3("τ against k′ (Figure 7)"), fit, chart, FigureLinks.of(downloadBase, FigureLinks.FIGURE7),
                DownloadLink.to(downloadBase + "/matrices/" + PAIRS + ".csv", "Download the pairs (CSV: k′, τ)"));
        setVisible(false);
    }

    void show(MatrixSnapshot pairs, Map<String, Double> summary) {
        int n = pairs.rows();
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        float[] d = pairs.data();
        Arrays.sort(order, Comparator.comparingDouble(i -> d[2 * i]));
        double[] k = new double[n];
        double[] tau = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = d[2 * order[i]];
            tau[i] = d[2 * order[i] + 1];
        }
        double slope = summary.getOrDefault("tau_vs_kprime/slope", Double.NaN);
        double[] ends = {k[0], k[n - 1]};
        chart.setData(List.of(new LineChart.Series(POINTS, k, tau),
                new LineChart.Series("fit τ = slope·k′", ends, new double[] {slope * ends[0], slope * ends[1]})));
        fit.setText(String.format(Locale.ROOT, "%d sampled training pairs; best proportional fit τ ≈ %s·k′, R² = %s "
                        + "(through the origin), Pearson = %s.", n, Formats.number(slope),
                Formats.number(summary.getOrDefault("tau_vs_kprime/r2", Double.NaN)),
                Formats.number(summary.getOrDefault("tau_vs_kprime/pearson", Double.NaN))));
        setVisible(true);
    }
}
