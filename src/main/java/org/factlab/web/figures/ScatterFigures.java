package org.factlab.web.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.factlab.experiments.tabular.TabularResults;
import org.factlab.experiments.tabular.TabularSeries;

/**
 * The paper's scatter figures, as {@link LineFigure} inputs: Figure 7 (τ against k′ per sampled pair with the
 * proportional fit through the origin) and the tabular kind's per-dataset accuracy scatter (FACT-RFM and its
 * geometric variant against NFA-RFM, with the diagonal of equal accuracy).
 */
public final class ScatterFigures {

    /** Figure 7's axes as the paper writes them. */
    public static final String K_PRIME = "k′(xᵢᵀMxⱼ)";
    public static final String TAU = "τ(xᵢ, xⱼ, M)";
    private static final String NFA = "nfa";
    private static final List<String> FACT_VARIANTS = List.of("fact", "fact-geometric");
    private static final int FIT = 0xd62728;
    private static final int DIAGONAL = 0x7f7f7f;

    private ScatterFigures() {
    }

    /**
     * Figure 7: one point (k′, τ) per row of the run's pairs matrix (rows × 2, k′ then τ) and the line τ = slope·k′
     * from the origin to the largest k′ (none when the slope is not finite); both axes include the origin.
     */
    public static Figure figure7(String runId, int rows, float[] pairs, double slope, double r2) {
        double[] k = new double[rows];
        double[] tau = new double[rows];
        double largest = 0;
        for (int i = 0; i < rows; i++) {
            k[i] = pairs[2 * i];
            tau[i] = pairs[2 * i + 1];
            largest = Double.isFinite(k[i]) ? Math.max(largest, k[i]) : largest;
        }
        List<LineFigure.Curve> curves = new ArrayList<>();
        curves.add(new LineFigure.Curve("pairs (xᵢ, xⱼ), " + rows + " sampled", k, tau, 0x1f77b4,
                LineFigure.Style.POINTS));
        if (Double.isFinite(slope)) {
            curves.add(new LineFigure.Curve(String.format(Locale.ROOT, "fit τ = %s·k′%s", Ticks.label(slope),
                    Double.isFinite(r2) ? ", R² = " + Ticks.label(r2) : ""), new double[] {0, largest},
                    new double[] {0, slope * largest}, FIT, LineFigure.Style.LINE));
        }
        return new Figure("τ against k′ (Figure 7) · run " + runId, LineFigure.Axes.scatter(K_PRIME, TAU, true), curves);
    }

    /**
     * The tabular scatter: per dataset where both succeeded, NFA-RFM's test accuracy (x) against each FACT variant's
     * (y), one point set per variant, and the diagonal over the points' range.
     */
    public static Figure tabular(String runId, TabularResults results) {
        List<LineFigure.Curve> curves = new ArrayList<>();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (String fact : FACT_VARIANTS) {
            List<double[]> points = new ArrayList<>();
            for (TabularResults.Row r : results.rows()) {
                TabularResults.Cell nfa = r.cells().get(NFA);
                TabularResults.Cell other = r.cells().get(fact);
                if (nfa != null && other != null && nfa.accuracy() != null && other.accuracy() != null) {
                    points.add(new double[] {nfa.accuracy(), other.accuracy()});
                    low = Math.min(low, Math.min(nfa.accuracy(), other.accuracy()));
                    high = Math.max(high, Math.max(nfa.accuracy(), other.accuracy()));
                }
            }
            if (!points.isEmpty()) {
                curves.add(new LineFigure.Curve(TabularSeries.title(fact), points.stream().mapToDouble(p -> p[0]).toArray(),
                        points.stream().mapToDouble(p -> p[1]).toArray(), -1, LineFigure.Style.POINTS));
            }
        }
        if (!curves.isEmpty()) {
            curves.add(new LineFigure.Curve("diagonal (equal accuracy)", new double[] {low, high},
                    new double[] {low, high}, DIAGONAL, LineFigure.Style.DASHED));
        }
        return new Figure(TabularSeries.title("fact") + " vs " + TabularSeries.title(NFA) + ", one point per dataset · run "
                + runId, LineFigure.Axes.scatter(TabularSeries.title(NFA) + " test accuracy",
                TabularSeries.title("fact") + " test accuracy", false), curves);
    }

    /** Whether {@link #tabular} has any point to draw. */
    public static boolean hasPoints(Figure figure) {
        return figure.curves().stream().anyMatch(c -> c.style() == LineFigure.Style.POINTS && c.x().length > 0);
    }
}
