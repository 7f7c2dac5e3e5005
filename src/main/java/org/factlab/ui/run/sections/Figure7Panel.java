package org.factlab.ui.run.sections;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.factlab.experiments.paper.TexText;
import org.factlab.experiments.sections.ScatterFitSection;
import org.factlab.runs.MatrixSnapshot;
import org.factlab.ui.base.DownloadLink;
import org.factlab.ui.base.Formats;
import org.factlab.ui.charts.LineChart;

/**
 * A {@link ScatterFitSection}, e.g. Figure 7 of the paper: the recorded pairs (x, y) per row of the declared
 * matrix (τ against k′) as points, with the best proportional fit y ≈ c·x drawn from the origin to the largest x,
 * and c, R² and the Pearson correlation from the summary. Both axes include the origin.
 */
public final class Figure7Panel extends VerticalLayout {

    private static final String POINTS = "pairs";
    private static final String FIT = "fit through the origin";

    private final ScatterFitSection section;
    private final LineChart chart;
    private final Paragraph fit = new Paragraph();

    /** @param downloadBase the run's download root: {@code /api/runs/<id>}, or {@code /s/<token>} on a share link */
    Figure7Panel(ScatterFitSection section, String downloadBase) {
        this.section = section;
        setId(section.id());
        setPadding(false);
        ChartCell cell = new ChartCell("chart-" + section.id(), section.title(), section.x(), section.y());
        chart = cell.chart();
        chart.setScatterSeries(List.of(POINTS));
        chart.setMaxWidth("760px");
        add(
                new H3(TexText.of(section.title())),
                new Paragraph(TexText.of(section.description())),
                fit,
                chart,
                FigureLinks.of(downloadBase, section.id()),
                DownloadLink.to(
                        downloadBase + "/matrices/" + section.pairsMatrix() + ".csv",
                        "Download the pairs (CSV: " + section.x().name() + ", "
                                + section.y().name() + ")"));
        setVisible(false);
    }

    /** The recorded matrix of pairs this panel draws. */
    public String pairsMatrix() {
        return section.pairsMatrix();
    }

    public void show(MatrixSnapshot pairs, RunPageData data) {
        int n = pairs.rows();
        if (n == 0 || pairs.cols() != 2) {
            return;
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        float[] d = pairs.data();
        Arrays.sort(order, Comparator.comparingDouble(i -> d[2 * i]));
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = d[2 * order[i]];
            y[i] = d[2 * order[i] + 1];
        }
        double slope = value(data, section.slopeKey());
        double end = Math.max(0, x[n - 1]);
        String xName = section.x().name();
        String yName = section.y().name();
        chart.setData(List.of(
                new LineChart.Series(POINTS + " (" + xName + ", " + yName + ")", x, y),
                new LineChart.Series(
                        FIT + ": " + yName + " = " + Formats.number(slope) + "·" + xName,
                        new double[] {0, end},
                        new double[] {0, slope * end})));
        chart.setScatterSeries(List.of(POINTS + " (" + xName + ", " + yName + ")"));
        fit.setText(String.format(
                Locale.ROOT,
                "%d sampled pairs; best proportional fit %s ≈ %s·%s, R² = %s " + "(through the origin), Pearson = %s.",
                n,
                yName,
                Formats.number(slope),
                xName,
                Formats.number(value(data, section.r2Key())),
                Formats.number(value(data, section.pearsonKey()))));
        setVisible(true);
    }

    private static double value(RunPageData data, String key) {
        Double v = data.value(key);
        return v == null ? Double.NaN : v;
    }
}
