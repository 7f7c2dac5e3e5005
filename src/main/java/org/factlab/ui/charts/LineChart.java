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

/**
 * Training curves drawn by ECharts: one line per series over steps, with legend toggles, x zoom (mouse
 * wheel or drag inside the plot, slider below it, toolbox box-zoom and zoom reset), an axis tooltip, and
 * PNG export from the toolbox. Fills its container's width and is 320 px high unless sized otherwise
 * ({@link HasSize}).
 *
 * <p>Meant for live runs: {@link #setData} replaces every curve and may be called several times a second
 * (inside {@code ui.access}); the user's zoom and legend selections survive it. The chart keeps the last
 * state and sends it again whenever it is attached, so it may be filled before it is shown.
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

    public LineChart() {
        addAttachListener(event -> sendState());
    }

    /** Replaces all curves. Each is sent with at most {@link #MAX_POINTS_PER_SERIES} points. */
    public void setData(List<Series> series) {
        List<Series> newSeries = List.copyOf(series);
        requireUniqueNames(newSeries);
        this.series = newSeries;
        if (isAttached()) {
            getElement().callJsFunction("setData", dataJson(newSeries, logScale));
        }
    }

    public void setTitle(String title) {
        this.title = Objects.requireNonNullElse(title, "");
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
        }
    }

    public void setYAxisName(String name) {
        this.yAxisName = Objects.requireNonNullElse(name, "");
        if (isAttached()) {
            getElement().callJsFunction("setYAxisName", yAxisName);
        }
    }

    /** Names the x axis ({@code step} by default). */
    public void setXAxisName(String name) {
        this.xAxisName = Objects.requireNonNullElse(name, "");
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
        getElement().callJsFunction("setData", dataJson(series, logScale));
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

    /**
     * Fixes the y range of the linear axis to [low, high] (e.g. [0, 1] or [−1, 1] for similarities); null fits it to
     * the data again. A log axis ignores it.
     */
    public void setYRange(double[] range) {
        if (range != null && !(range.length == 2 && range[0] < range[1])) {
            throw new IllegalArgumentException("a y range is [low, high] with low < high");
        }
        if (yRangeJson == null) {
            addAttachListener(event -> getElement().callJsFunction("setYRange", yRangeJson));
        }
        yRangeJson = range == null ? "null" : "[" + range[0] + "," + range[1] + "]";
        if (isAttached()) {
            getElement().callJsFunction("setYRange", yRangeJson);
        }
    }

    /** The payload of {@link #setYRange}, sent again on every attach; null until it is first called. */
    private String yRangeJson;
}
