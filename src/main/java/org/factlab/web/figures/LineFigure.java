package org.factlab.web.figures;

import java.util.List;

/**
 * Curves over steps as a figure for a paper: title, axes with round ticks and their names, a legend with the
 * curves' labels, nothing interactive. Linear or log y axis (a log axis leaves out values ≤ 0).
 */
public final class LineFigure {

    /** One curve: y[i] at x[i]; NaN and infinite y are gaps. */
    public record Curve(String label, double[] x, double[] y) {
    }

    /** The run page's palette (frontend/charts/factlab-line-chart.js), in the same order. */
    private static final int[] PALETTE = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2,
        0x7f7f7f, 0xbcbd22, 0x17becf, 0x393b79, 0xad494a};
    private static final int WIDTH = 760;
    private static final int HEIGHT = 440;
    private static final double LEFT = 78;
    private static final double TOP = 48;
    private static final double PLOT_WIDTH = 460;
    private static final double PLOT_HEIGHT = 320;
    private static final int AXIS = 0x333333;
    private static final int GRID = 0xe6e6e6;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Curve> curves;
    private final boolean log;

    private LineFigure(String title, String xLabel, String yLabel, List<Curve> curves, boolean log) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.curves = List.copyOf(curves);
        this.log = log && curves.stream().anyMatch(c -> java.util.Arrays.stream(c.y()).anyMatch(v -> v > 0));
    }

    public static String svg(String title, String xLabel, String yLabel, List<Curve> curves, boolean log) {
        SvgCanvas canvas = new SvgCanvas(WIDTH, HEIGHT, title);
        new LineFigure(title, xLabel, yLabel, curves, log).draw(canvas);
        return canvas.finish();
    }

    public static byte[] png(String title, String xLabel, String yLabel, List<Curve> curves, boolean log) {
        PngCanvas canvas = new PngCanvas(WIDTH, HEIGHT);
        new LineFigure(title, xLabel, yLabel, curves, log).draw(canvas);
        return canvas.finish();
    }

    private void draw(Canvas c) {
        c.text(16, 26, title, 15, Canvas.Anchor.START, false);
        double[] xRange = range(true);
        double[] yRange = range(false);
        List<Double> xTicks = Ticks.linear(xRange[0], xRange[1], 6);
        List<Double> yTicks = log ? Ticks.log(yRange[0], yRange[1]) : Ticks.linear(yRange[0], yRange[1], 5);
        c.beginGroup("axes");
        for (double t : xTicks) {
            double x = px(t, xRange);
            c.line(x, TOP, x, TOP + PLOT_HEIGHT, GRID, 1);
            c.line(x, TOP + PLOT_HEIGHT, x, TOP + PLOT_HEIGHT + 4, AXIS, 1);
            c.text(x, TOP + PLOT_HEIGHT + 17, Ticks.label(t), 11, Canvas.Anchor.MIDDLE, false);
        }
        for (double t : yTicks) {
            double y = py(t, yRange);
            c.line(LEFT, y, LEFT + PLOT_WIDTH, y, GRID, 1);
            c.line(LEFT - 4, y, LEFT, y, AXIS, 1);
            c.text(LEFT - 7, y + 4, Ticks.label(t), 11, Canvas.Anchor.END, false);
        }
        c.frame(LEFT, TOP, PLOT_WIDTH, PLOT_HEIGHT, AXIS);
        c.text(LEFT + PLOT_WIDTH / 2, TOP + PLOT_HEIGHT + 38, xLabel, 12, Canvas.Anchor.MIDDLE, false);
        c.text(LEFT - 56, TOP + PLOT_HEIGHT / 2, yLabel + (log ? " (log scale)" : ""), 12, Canvas.Anchor.MIDDLE, true);
        c.endGroup();
        c.beginGroup("curves");
        for (int i = 0; i < curves.size(); i++) {
            Curve curve = curves.get(i);
            double[] xs = new double[curve.x().length];
            double[] ys = new double[curve.y().length];
            for (int k = 0; k < xs.length; k++) {
                xs[k] = px(curve.x()[k], xRange);
                double v = curve.y()[k];
                ys[k] = Double.isFinite(v) && (!log || v > 0) ? py(v, yRange) : Double.NaN;
            }
            c.polyline(xs, ys, PALETTE[i % PALETTE.length], 1.6);
        }
        c.endGroup();
        legend(c);
    }

    private void legend(Canvas c) {
        c.beginGroup("legend");
        double x = LEFT + PLOT_WIDTH + 22;
        for (int i = 0; i < curves.size(); i++) {
            double y = TOP + 10 + i * 20;
            c.line(x, y - 4, x + 22, y - 4, PALETTE[i % PALETTE.length], 2.5);
            c.text(x + 28, y, curves.get(i).label(), 12, Canvas.Anchor.START, false);
        }
        c.endGroup();
    }

    /** [low, high] of the x values, or of the drawable y values with a 5 % margin on a linear axis. */
    private double[] range(boolean x) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Curve curve : curves) {
            double[] values = x ? curve.x() : curve.y();
            for (double v : values) {
                if (Double.isFinite(v) && (x || !log || v > 0)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        if (low > high) {
            return log && !x ? new double[] {1, 10} : new double[] {0, 1};
        }
        if (x || log) {
            return low == high ? (log ? new double[] {low / 10, high * 10} : new double[] {low - 1, high + 1})
                    : new double[] {low, high};
        }
        double margin = low == high ? Math.max(1e-12, Math.abs(low) * 0.1) : 0.05 * (high - low);
        return new double[] {low - margin, high + margin};
    }

    private double px(double x, double[] range) {
        return LEFT + (x - range[0]) / (range[1] - range[0]) * PLOT_WIDTH;
    }

    private double py(double y, double[] range) {
        double t = log ? (Math.log10(y) - Math.log10(range[0])) / (Math.log10(range[1]) - Math.log10(range[0]))
                : (y - range[0]) / (range[1] - range[0]);
        return TOP + (1 - t) * PLOT_HEIGHT;
    }
}
