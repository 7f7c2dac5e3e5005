package org.factlab.web.figures;

import java.util.ArrayList;
import java.util.List;
import org.factlab.studies.StudyPlotData;

/**
 * A study's plot as a figure: one summary value against one swept field, a line per combination of the other swept
 * fields through the means over seeds, with a vertical error bar of ± one sample standard deviation at every setting
 * that has one (two seeds or more), as on the study page. A field whose values are not numbers is drawn at 0, 1, …
 * in their order (named on the x axis); a field spanning a factor of 50 or more is drawn against its log₁₀.
 */
public final class StudyPlotFigure {

    private StudyPlotFigure() {}

    /**
     * @param title  e.g. "cosine similarity of FACT with WᵀW against τ"
     * @param xName  the swept field as the page names it
     * @param yName  the summary value as the paper writes it
     */
    public static Figure of(StudyPlotData plot, String title, String xName, String yName) {
        List<LineFigure.Curve> curves = new ArrayList<>();
        for (int i = 0; i < plot.lines().size(); i++) {
            StudyPlotData.Line line = plot.lines().get(i);
            int rgb = LineFigure.paletteColour(i);
            double[] x = new double[line.x().length];
            for (int k = 0; k < x.length; k++) {
                x[k] = plot.logX() ? Math.log10(line.x()[k]) : line.x()[k];
            }
            curves.add(new LineFigure.Curve(line.label(), x, line.mean(), rgb, LineFigure.Style.LINE));
            curves.add(new LineFigure.Curve(null, x, line.mean(), rgb, LineFigure.Style.POINTS));
            for (int k = 0; k < x.length; k++) {
                double m = line.mean()[k];
                double s = line.std()[k];
                if (Double.isFinite(m) && Double.isFinite(s)) {
                    curves.add(new LineFigure.Curve(
                            null, new double[] {x[k], x[k]}, new double[] {m - s, m + s}, rgb, LineFigure.Style.LINE));
                }
            }
        }
        String xAxis = plot.categories() != null
                ? xName + " (0, 1, … = " + String.join(", ", plot.categories()) + ")"
                : plot.logX() ? "log₁₀ " + xName : xName;
        LineFigure.Axes axes =
                new LineFigure.Axes(xAxis, yName, false, plot.categories() != null, false, plot.yRange());
        return new Figure(title, axes, curves);
    }
}
