package org.factlab.web.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.factlab.experiments.sections.Axis;
import org.factlab.experiments.sections.ResultsTable;
import org.factlab.experiments.sections.ResultsTableSection;
import org.factlab.experiments.sections.ScatterFitSection;

/**
 * The scatter figures of declared sections, as {@link LineFigure} inputs: a {@link ScatterFitSection}'s pairs with
 * the proportional fit through the origin (Figure 7: τ against k′ per sampled pair) and a
 * {@link ResultsTableSection}'s per-dataset accuracies, methods against one (the tabular kind: FACT-RFM and its
 * geometric variant against NFA-RFM), with the diagonal of equal accuracy.
 */
public final class ScatterFigures {

    private static final int FIT = 0xd62728;
    private static final int DIAGONAL = 0x7f7f7f;

    private ScatterFigures() {}

    /**
     * The section's scatter (Figure 7): one point (x, y) per row of the run's pairs matrix (rows × 2, e.g. k′ then τ)
     * and the line y = slope·x from the origin to the largest x (none when the slope is not finite), titled and with
     * axes as declared; both axes include the origin.
     */
    public static Figure scatterFit(
            String runId, ScatterFitSection section, int rows, float[] pairs, double slope, double r2) {
        double[] k = new double[rows];
        double[] tau = new double[rows];
        double largest = 0;
        for (int i = 0; i < rows; i++) {
            k[i] = pairs[2 * i];
            tau[i] = pairs[2 * i + 1];
            largest = Double.isFinite(k[i]) ? Math.max(largest, k[i]) : largest;
        }
        List<LineFigure.Curve> curves = new ArrayList<>();
        curves.add(new LineFigure.Curve(
                "pairs (xᵢ, xⱼ), " + rows + " sampled", k, tau, 0x1f77b4, LineFigure.Style.POINTS));
        if (Double.isFinite(slope)) {
            curves.add(new LineFigure.Curve(
                    String.format(
                            Locale.ROOT,
                            "fit %s = %s·%s%s",
                            symbol(section.y()),
                            Ticks.label(slope),
                            symbol(section.x()),
                            Double.isFinite(r2) ? ", R² = " + Ticks.label(r2) : ""),
                    new double[] {0, largest},
                    new double[] {0, slope * largest},
                    FIT,
                    LineFigure.Style.LINE));
        }
        return new Figure(
                section.title() + " · run " + runId,
                LineFigure.Axes.scatter(section.x().title(), section.y().title(), true),
                curves);
    }

    /** An axis' symbol in the fit's legend: its name up to a bracket, "τ" of "τ(xᵢ, xⱼ, M)". */
    private static String symbol(Axis axis) {
        int bracket = axis.name().indexOf('(');
        return bracket > 0 ? axis.name().substring(0, bracket) : axis.name();
    }

    /**
     * A results table's scatter: per dataset where both succeeded, the scatter's x method's test accuracy against
     * each y method's, one point set per y method, and the diagonal over the points' range.
     */
    public static Figure resultsScatter(String runId, ResultsTable results) {
        ResultsTableSection section = results.section();
        List<LineFigure.Curve> curves = new ArrayList<>();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (String method : section.scatter().y()) {
            List<double[]> points = results.scatterPoints(method);
            for (double[] p : points) {
                low = Math.min(low, Math.min(p[0], p[1]));
                high = Math.max(high, Math.max(p[0], p[1]));
            }
            if (!points.isEmpty()) {
                curves.add(new LineFigure.Curve(
                        section.methodTitle(method),
                        points.stream().mapToDouble(p -> p[0]).toArray(),
                        points.stream().mapToDouble(p -> p[1]).toArray(),
                        -1,
                        LineFigure.Style.POINTS));
            }
        }
        if (!curves.isEmpty()) {
            curves.add(new LineFigure.Curve(
                    "diagonal (equal accuracy)",
                    new double[] {low, high},
                    new double[] {low, high},
                    DIAGONAL,
                    LineFigure.Style.DASHED));
        }
        String x = section.methodTitle(section.scatter().x());
        String y = section.methodTitle(section.scatter().y().get(0));
        return new Figure(
                resultsScatterTitle(section, runId),
                LineFigure.Axes.scatter(x + " test accuracy", y + " test accuracy", false),
                curves);
    }

    /** The title of {@link #resultsScatter}: the first compared method against the scatter's x method. */
    public static String resultsScatterTitle(ResultsTableSection section, String runId) {
        return section.methodTitle(section.scatter().y().get(0)) + " vs "
                + section.methodTitle(section.scatter().x()) + ", one point per dataset · run " + runId;
    }
}
