package org.factlab.ui.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factlab.studies.StudyPlotData;

/**
 * A study's plot of one summary value against a swept field, drawn by ECharts ({@code frontend/study/
 * factlab-study-plot.js}): a line per combination of the other swept fields with mean ± std error bars
 * ({@link StudyPlotData}). Keeps its last plot and sends it again whenever it is attached.
 */
@Tag("factlab-study-plot")
@JsModule("./study/factlab-study-plot.js")
@NpmPackage(value = "echarts", version = "6.1.0")
final class StudyPlot extends Component implements HasSize, HasStyle {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String plotJson;

    StudyPlot() {
        addAttachListener(e -> send());
    }

    /**
     * Shows a plot titled as given (the paper's label of the value), its x axis named by the field.
     *
     * @param logX      a log x axis (ignored for values that are not numbers)
     * @param fullRange the y axis over the value's declared range (a similarity's [0, 1]), else fitted to the values
     */
    void setPlot(StudyPlotData data, String title, String xName, boolean logX, boolean fullRange) {
        plotJson = json(data, title, xName, logX, fullRange);
        send();
    }

    private void send() {
        if (plotJson != null && isAttached()) {
            getElement().callJsFunction("setPlot", plotJson);
        }
    }

    /** The element's payload; non-finite numbers become null; yMin/yMax only with the full range chosen. */
    static String json(StudyPlotData data, String title, String xName, boolean logX, boolean fullRange) {
        Map<String, Object> plot = new LinkedHashMap<>();
        plot.put("title", title);
        plot.put("xName", xName);
        plot.put("categories", data.categories());
        plot.put("logX", logX && data.categories() == null);
        boolean full = fullRange && data.yRange() != null;
        plot.put("yMin", full ? data.yRange()[0] : null);
        plot.put("yMax", full ? data.yRange()[1] : null);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (StudyPlotData.Line line : data.lines()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("name", line.label());
            l.put("x", finite(line.x()));
            l.put("mean", finite(line.mean()));
            l.put("std", finite(line.std()));
            l.put("n", line.n());
            lines.add(l);
        }
        plot.put("lines", lines);
        try {
            return JSON.writeValueAsString(plot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plot of plain numbers and texts is always JSON", e);
        }
    }

    private static List<Double> finite(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(Double.isFinite(v) ? v : null);
        }
        return out;
    }
}
