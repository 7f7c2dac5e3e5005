package org.factlab.ui.charts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.factlab.experiments.paper.TexText;

/**
 * Training curves drawn by ECharts: one line per series over steps, with legend toggles, x zoom (mouse
 * wheel or drag inside the plot, slider below it, toolbox box-zoom and zoom reset), an axis tooltip, and
 * PNG export from the toolbox. Fills its container's width and is 320 px high unless sized otherwise
 * ({@link HasSize}).
 *
 * <p>Meant for live runs: {@link #setData} replaces every curve and may be called several times a second
 * (inside {@code ui.access}); the user's zoom and legend selections survive it. When the new curves only extend
 * the ones last sent (same names, old points unchanged), only the new points travel ({@code appendData}), and
 * nothing when nothing changed. The chart keeps the last state and sends it again whenever it is attached, so it
 * may be filled before it is shown. The legend never pages: it wraps onto more lines and the chart grows.
 */
@Tag("factlab-line-chart")
@JsModule("./charts/factlab-line-chart.js")
@NpmPackage(value = "echarts", version = "6.1.0")
public class LineChart extends Component implements HasSize, HasStyle {

    /** The most points a series is sent with; longer series are min/max downsampled ({@link Downsampler}). */
    public static final int MAX_POINTS_PER_SERIES = 2000;

    /**
     * One curve: y[i] at step x[i], x ascending. NaN and infinite y are drawn as gaps. The name labels the
     * curve in the legend and identifies it across updates, so it must be unique within a chart. The chart
     * keeps the arrays to redraw them: do not change them after passing them in.
     */
    public record Series(String name, double[] x, double[] y) {
        public Series {
            Objects.requireNonNull(name, "name");
            if (x.length != y.length) {
                throw new IllegalArgumentException("series " + name + ": " + x.length + " x but " + y.length + " y");
            }
        }
    }

    /**
     * How one series is drawn, overriding the palette colour given by its position: {@code color} as
     * "#rrggbb" for its line and points, a dashed or solid line, and the line's width in pixels.
     */
    public record SeriesStyle(String color, boolean dashed, double width) {
        public SeriesStyle {
            if (color == null || !color.matches("#[0-9a-fA-F]{6}")) {
                throw new IllegalArgumentException("color must be #rrggbb, got " + color);
            }
            if (!(width > 0 && width <= 20)) {
                throw new IllegalArgumentException("width must be in (0, 20] pixels, got " + width);
            }
        }
    }

    private List<Series> series = List.of();
    private String title = "";
    private boolean logScale;
    private String yAxisName = "";
    private String xAxisName = "step";
    private List<String> scatterSeries = List.of();
    private Map<String, SeriesStyle> seriesStyles = Map.of();
    private double xMin = Double.NaN;
    private double xMax = Double.NaN;
    private double yMin = Double.NaN;
    private double yMax = Double.NaN;
    private boolean wholeNumberX;
    private boolean includeOrigin;
    /** What the browser holds: the series as last sent (null: nothing sent since attaching or a full resend). */
    private List<Series> sent;

    public LineChart() {
        addAttachListener(event -> sendState());
        addDetachListener(event -> sent = null);
    }

    /** The curves last given to {@link #setData}. */
    public List<Series> series() {
        return series;
    }

    /** Replaces all curves. Each is sent with at most {@link #MAX_POINTS_PER_SERIES} points. */
    public void setData(List<Series> series) {
        List<Series> newSeries = List.copyOf(series);
        requireUniqueNames(newSeries);
        this.series = newSeries;
        if (!isAttached()) {
            return;
        }
        if (sent != null && extendsSent(sent, newSeries)) {
            String tails = appendJson(sent, newSeries, logScale);
            if (tails != null) {
                getElement().callJsFunction("appendData", tails);
            }
        } else {
            getElement().callJsFunction("setData", dataJson(newSeries, logScale));
        }
        sent = newSeries;
    }

    /**
     * Fixes the ranges of the axes (NaN: follow the data) for the next draws, e.g. [−1, 1] for similarities.
     * A log y axis ignores its fixed range.
     */
    public void setRanges(double xMin, double xMax, double yMin, double yMax) {
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
        sendAxes();
    }

    /** Ticks of the x axis at whole numbers only (steps, epochs, iterations). */
    public void setWholeNumberX(boolean wholeNumbers) {
        this.wholeNumberX = wholeNumbers;
        sendAxes();
    }

    /** Stretches both axes to include 0 (e.g. a proportional fit drawn from the origin). */
    public void setIncludeOrigin(boolean includeOrigin) {
        this.includeOrigin = includeOrigin;
        sendAxes();
    }

    private void sendAxes() {
        if (isAttached()) {
            getElement().callJsFunction("setAxes", axesJson());
        }
    }

    /** {@code {"x":{"min","max","integer","origin"},"y":{…}}} with null for ends that follow the data. */
    String axesJson() {
        StringBuilder json = new StringBuilder("{\"x\":");
        appendAxis(json, xMin, xMax, wholeNumberX);
        json.append(",\"y\":");
        appendAxis(json, yMin, yMax, false);
        return json.append('}').toString();
    }

    private void appendAxis(StringBuilder json, double min, double max, boolean integer) {
        json.append("{\"min\":");
        ChartJson.appendDouble(json, min);
        json.append(",\"max\":");
        ChartJson.appendDouble(json, max);
        json.append(",\"integer\":")
                .append(integer)
                .append(",\"origin\":")
                .append(includeOrigin)
                .append('}');
    }

    public void setTitle(String title) {
        this.title = TexText.of(Objects.requireNonNullElse(title, ""));
        if (isAttached()) {
            getElement().callJsFunction("setTitle", this.title);
        }
    }

    /**
     * Switches the y axis between linear and logarithmic. A log axis cannot show values ≤ 0: they are
     * dropped and drawn as gaps, like NaN.
     */
    public void setLogScale(boolean logScale) {
        if (logScale == this.logScale) {
            return;
        }
        this.logScale = logScale;
        if (isAttached()) {
            getElement().callJsFunction("setLogScale", logScale);
            getElement().callJsFunction("setData", dataJson(series, logScale));
            sent = series;
        }
    }

    public void setYAxisName(String name) {
        this.yAxisName = TexText.of(Objects.requireNonNullElse(name, ""));
        if (isAttached()) {
            getElement().callJsFunction("setYAxisName", yAxisName);
        }
    }

    /** Names the x axis ({@code step} by default). */
    public void setXAxisName(String name) {
        this.xAxisName = TexText.of(Objects.requireNonNullElse(name, ""));
        if (isAttached()) {
            getElement().callJsFunction("setXAxisName", xAxisName);
        }
    }

    /** Draws the named series as points instead of lines, e.g. a scatter of pairs beside its fitted line. */
    public void setScatterSeries(List<String> names) {
        this.scatterSeries = List.copyOf(names);
        if (isAttached()) {
            getElement().callJsFunction("setScatterSeries", ChartJson.strings(scatterSeries));
        }
    }

    /**
     * Styles series by name (colour, dashed, width); series without an entry keep their palette colour and the
     * default solid line. Replaces the previous styles; names not (yet) among the series are kept for later.
     */
    public void setSeriesStyles(Map<String, SeriesStyle> styles) {
        this.seriesStyles = new LinkedHashMap<>(styles);
        if (isAttached()) {
            getElement().callJsFunction("setSeriesStyles", stylesJson(seriesStyles));
        }
    }

    private void sendState() {
        getElement().callJsFunction("setTitle", title);
        getElement().callJsFunction("setYAxisName", yAxisName);
        getElement().callJsFunction("setXAxisName", xAxisName);
        getElement().callJsFunction("setScatterSeries", ChartJson.strings(scatterSeries));
        getElement().callJsFunction("setSeriesStyles", stylesJson(seriesStyles));
        getElement().callJsFunction("setLogScale", logScale);
        getElement().callJsFunction("setAxes", axesJson());
        getElement().callJsFunction("setData", dataJson(series, logScale));
        sent = series;
    }

    /**
     * True when {@code next} only adds points at the end of {@code previous}'s series (or new series after them),
     * none of them downsampled: then the browser's copy plus the tails is exactly {@code next}.
     */
    static boolean extendsSent(List<Series> previous, List<Series> next) {
        if (next.size() < previous.size()) {
            return false;
        }
        for (int i = 0; i < next.size(); i++) {
            Series n = next.get(i);
            if (n.x().length > MAX_POINTS_PER_SERIES) {
                return false;
            }
            if (i < previous.size()) {
                Series p = previous.get(i);
                if (!p.name().equals(n.name())
                        || p.x().length > n.x().length
                        || !java.util.Arrays.equals(p.x(), 0, p.x().length, n.x(), 0, p.x().length)
                        || !java.util.Arrays.equals(p.y(), 0, p.y().length, n.y(), 0, p.y().length)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The appendData payload: the points (and series) of {@code next} beyond {@code previous}; null when none. */
    static String appendJson(List<Series> previous, List<Series> next, boolean logScale) {
        List<Series> tails = new java.util.ArrayList<>();
        for (int i = 0; i < next.size(); i++) {
            Series n = next.get(i);
            int from = i < previous.size() ? previous.get(i).x().length : 0;
            if (from < n.x().length || i >= previous.size()) {
                tails.add(new Series(
                        n.name(),
                        java.util.Arrays.copyOfRange(n.x(), from, n.x().length),
                        java.util.Arrays.copyOfRange(n.y(), from, n.y().length)));
            }
        }
        return tails.isEmpty() ? null : dataJson(tails, logScale);
    }

    private static void requireUniqueNames(List<Series> series) {
        Set<String> names = new HashSet<>();
        for (Series s : series) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("two series are named " + s.name());
            }
        }
    }

    /**
     * The element's setData payload: {@code [{"name":…,"x":[…],"y":[…]}, …]}, downsampled, with null for
     * every y that cannot be drawn (non-finite, or ≤ 0 on a log axis).
     */
    static String dataJson(List<Series> series, boolean logScale) {
        StringBuilder json = new StringBuilder();
        json.append('[');
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            double[] y = logScale ? positiveOrNaN(s.y()) : s.y();
            Downsampler.Points points = Downsampler.minMax(s.x(), y, MAX_POINTS_PER_SERIES);
            json.append(i == 0 ? "{\"name\":" : ",{\"name\":");
            ChartJson.appendString(json, s.name());
            json.append(",\"x\":");
            appendArray(json, points.x());
            json.append(",\"y\":");
            appendArray(json, points.y());
            json.append('}');
        }
        return json.append(']').toString();
    }

    /** The element's setSeriesStyles payload: {@code {"<name>":{"color":"#rrggbb","dashed":…,"width":…}, …}}. */
    static String stylesJson(Map<String, SeriesStyle> styles) {
        StringBuilder json = new StringBuilder("{");
        styles.forEach((name, style) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            ChartJson.appendString(json, name);
            json.append(":{\"color\":");
            ChartJson.appendString(json, style.color());
            json.append(",\"dashed\":").append(style.dashed()).append(",\"width\":");
            ChartJson.appendDouble(json, style.width());
            json.append('}');
        });
        return json.append('}').toString();
    }

    private static double[] positiveOrNaN(double[] values) {
        double[] positive = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            positive[i] = values[i] > 0 ? values[i] : Double.NaN;
        }
        return positive;
    }

    private static void appendArray(StringBuilder json, double[] values) {
        json.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            ChartJson.appendDouble(json, values[i]);
        }
        json.append(']');
    }

    /** A fixed linear y range [low, high] (e.g. [0, 1] for similarities), or null to fit the data. */
    public void setYRange(double[] range) {
        if (range != null && !(range.length == 2 && range[0] < range[1])) {
            throw new IllegalArgumentException("a y range is [low, high] with low < high");
        }
        setRanges(xMin, xMax, range == null ? Double.NaN : range[0], range == null ? Double.NaN : range[1]);
    }
}
