package org.factlab.web.figures;

import java.util.Arrays;
import java.util.List;

/**
 * Curves and point clouds as a figure for a paper: title, axes with round ticks and their names, a legend with the
 * curves' labels, nothing interactive. Linear or log y axis (a log axis leaves out values ≤ 0), optionally a fixed
 * y range (similarities on [0, 1] or [−1, 1]), whole-number ticks on a step axis, and both axes through the origin
 * for a scatter whose fit passes through it.
 */
public final class LineFigure {

    /** How a curve is drawn. */
    public enum Style {
        LINE,
        DASHED,
        POINTS
    }

    /**
     * One curve: y[i] at x[i]; NaN and infinite y are gaps.
     *
     * @param label its legend entry; null for none (e.g. a ± std curve beside its labelled mean)
     * @param rgb   its colour 0xRRGGBB, or −1 for the palette's colour by position
     */
    public record Curve(String label, double[] x, double[] y, int rgb, Style style) {
        public Curve {
            if (x.length != y.length) {
                throw new IllegalArgumentException("curve " + label + ": " + x.length + " x but " + y.length + " y");
            }
        }

        /** A solid line in the palette's colour. */
        public Curve(String label, double[] x, double[] y) {
            this(label, x, y, -1, Style.LINE);
        }
    }

    /**
     * The axes: their names, a log y axis, whole-number x ticks (steps), both ranges extended to the origin, and a
     * fixed y range (null: fitted to the values).
     */
    public record Axes(String x, String y, boolean log, boolean wholeX, boolean origin, double[] yRange) {

        /** Steps against values, the y range fitted to them. */
        public static Axes steps(String yName, boolean log, double[] yRange) {
            return new Axes("step", yName, log, true, false, yRange);
        }

        /** A scatter of two measured quantities on linear axes. */
        public static Axes scatter(String xName, String yName, boolean origin) {
            return new Axes(xName, yName, false, false, origin, null);
        }
    }

    /** The run page's palette (frontend/charts/factlab-line-chart.js), in the same order. */
    private static final int[] PALETTE = {
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf, 0x393b79,
        0xad494a
    };

    private static final int MIN_WIDTH = 760;
    private static final int HEIGHT = 440;
    private static final double LEFT = 78;
    private static final double TOP = 48;
    private static final double PLOT_WIDTH = 460;
    private static final double PLOT_HEIGHT = 320;
    private static final double LEGEND_GAP = 22;
    /** A generous width per legend character at 12 px, so that long labels never run off the figure. */
    private static final double CHAR_WIDTH = 7.2;

    private static final double POINT_RADIUS = 2.8;
    private static final int AXIS = 0x333333;
    private static final int GRID = 0xe6e6e6;

    private final String title;
    private final Axes axes;
    private final List<Curve> curves;
    private final boolean log;

    private LineFigure(String title, Axes axes, List<Curve> curves) {
        this.title = title;
        this.axes = axes;
        this.curves = List.copyOf(curves);
        this.log = axes.log()
                && axes.yRange() == null
                && curves.stream().anyMatch(c -> Arrays.stream(c.y()).anyMatch(v -> v > 0));
    }

    /** Curves over steps (whole-number x ticks), the y range fitted to them. */
    public static String svg(String title, String xLabel, String yLabel, List<Curve> curves, boolean log) {
        return svg(title, new Axes(xLabel, yLabel, log, true, false, null), curves);
    }

    /** The same figure as {@link #svg(String, String, String, List, boolean)}, as a PNG at twice its size. */
    public static byte[] png(String title, String xLabel, String yLabel, List<Curve> curves, boolean log) {
        return png(title, new Axes(xLabel, yLabel, log, true, false, null), curves);
    }

    public static String svg(String title, Axes axes, List<Curve> curves) {
        LineFigure figure = new LineFigure(title, axes, curves);
        SvgCanvas canvas = new SvgCanvas(figure.width(), HEIGHT, title);
        figure.draw(canvas);
        return canvas.finish();
    }

    /** The figure as a PNG at twice the SVG's size. */
    public static byte[] png(String title, Axes axes, List<Curve> curves) {
        LineFigure figure = new LineFigure(title, axes, curves);
        PngCanvas canvas = new PngCanvas(figure.width(), HEIGHT);
        figure.draw(canvas);
        return canvas.finish();
    }

    /** At least {@link #MIN_WIDTH}, wider when the legend's longest label needs it. */
    private int width() {
        int longest = curves.stream()
                .filter(c -> c.label() != null)
                .mapToInt(c -> c.label().length())
                .max()
                .orElse(0);
        return (int) Math.max(MIN_WIDTH, Math.ceil(LEFT + PLOT_WIDTH + LEGEND_GAP + 28 + longest * CHAR_WIDTH + 12));
    }

    private void draw(Canvas c) {
        c.text(16, 26, title, 15, Canvas.Anchor.START, false);
        double[] xRange = range(true);
        double[] yRange = axes.yRange() != null ? axes.yRange() : range(false);
        List<Double> xTicks =
                axes.wholeX() ? Ticks.whole(xRange[0], xRange[1], 6) : Ticks.linear(xRange[0], xRange[1], 6);
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
        c.text(LEFT + PLOT_WIDTH / 2, TOP + PLOT_HEIGHT + 38, axes.x(), 12, Canvas.Anchor.MIDDLE, false);
        c.text(
                LEFT - 56,
                TOP + PLOT_HEIGHT / 2,
                axes.y() + (log ? " (log scale)" : ""),
                12,
                Canvas.Anchor.MIDDLE,
                true);
        c.endGroup();
        c.beginGroup("curves");
        for (int i = 0; i < curves.size(); i++) {
            Curve curve = curves.get(i);
            if (curve.style() != Style.POINTS) {
                c.polyline(xs(curve, xRange), ys(curve, yRange), colour(i), 1.6, curve.style() == Style.DASHED);
            }
        }
        c.endGroup();
        c.beginGroup("points");
        for (int i = 0; i < curves.size(); i++) {
            Curve curve = curves.get(i);
            if (curve.style() == Style.POINTS) {
                double[] xs = xs(curve, xRange);
                double[] ys = ys(curve, yRange);
                for (int k = 0; k < xs.length; k++) {
                    if (Double.isFinite(ys[k]) && Double.isFinite(xs[k])) {
                        c.circle(xs[k], ys[k], POINT_RADIUS, colour(i));
                    }
                }
            }
        }
        c.endGroup();
        legend(c);
    }

    private double[] xs(Curve curve, double[] xRange) {
        double[] xs = new double[curve.x().length];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = px(curve.x()[k], xRange);
        }
        return xs;
    }

    /** Pixel y of each value; NaN (a gap) for values that cannot be drawn or lie outside a fixed range. */
    private double[] ys(Curve curve, double[] yRange) {
        double[] ys = new double[curve.y().length];
        for (int k = 0; k < ys.length; k++) {
            double v = curve.y()[k];
            boolean drawable = Double.isFinite(v)
                    && (!log || v > 0)
                    && (axes.yRange() == null || v >= yRange[0] - 1e-9 && v <= yRange[1] + 1e-9);
            ys[k] = drawable ? py(v, yRange) : Double.NaN;
        }
        return ys;
    }

    /** The {@code i}-th colour of the figures' palette (the page's), for curves that must share a colour. */
    public static int paletteColour(int i) {
        return PALETTE[i % PALETTE.length];
    }

    private int colour(int i) {
        int rgb = curves.get(i).rgb();
        return rgb >= 0 ? rgb : PALETTE[i % PALETTE.length];
    }

    private void legend(Canvas c) {
        c.beginGroup("legend");
        double x = LEFT + PLOT_WIDTH + LEGEND_GAP;
        int entry = 0;
        for (int i = 0; i < curves.size(); i++) {
            Curve curve = curves.get(i);
            if (curve.label() == null) {
                continue;
            }
            double y = TOP + 10 + entry++ * 20;
            if (curve.style() == Style.POINTS) {
                c.circle(x + 11, y - 4, POINT_RADIUS + 1, colour(i));
            } else {
                c.polyline(
                        new double[] {x, x + 22},
                        new double[] {y - 4, y - 4},
                        colour(i),
                        2.5,
                        curve.style() == Style.DASHED);
            }
            c.text(x + 28, y, curve.label(), 12, Canvas.Anchor.START, false);
        }
        c.endGroup();
    }

    /**
     * [low, high] of the x values, or of the drawable y values; a 5 % margin on a linear y axis and on the x axis
     * of a scatter; both extended to 0 when the axes go through the origin.
     */
    private double[] range(boolean x) {
        double low = axes.origin() ? 0 : Double.POSITIVE_INFINITY;
        double high = axes.origin() ? 0 : Double.NEGATIVE_INFINITY;
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
        boolean scatter = curves.stream().anyMatch(c -> c.style() == Style.POINTS);
        if (x && !scatter || !x && log) {
            return low == high
                    ? (log ? new double[] {low / 10, high * 10} : new double[] {low - 1, high + 1})
                    : new double[] {low, high};
        }
        double margin = low == high ? Math.max(1e-12, Math.abs(low) * 0.1) : 0.05 * (high - low);
        return new double[] {
            axes.origin() && low == 0 ? 0 : low - margin, axes.origin() && high == 0 ? 0 : high + margin
        };
    }

    private double px(double x, double[] range) {
        return LEFT + (x - range[0]) / (range[1] - range[0]) * PLOT_WIDTH;
    }

    private double py(double y, double[] range) {
        double t = log
                ? (Math.log10(y) - Math.log10(range[0])) / (Math.log10(range[1]) - Math.log10(range[0]))
                : (y - range[0]) / (range[1] - range[0]);
        return TOP + (1 - t) * PLOT_HEIGHT;
    }
}
