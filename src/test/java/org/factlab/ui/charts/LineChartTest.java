package org.factlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.UI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineChartTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void payloadIsJsonWithOneEntryPerSeriesCappedInPoints() throws Exception {
        List<LineChart.Series> series = List.of(
                new LineChart.Series("train \"loss\"\n", steps(3000), ramp(3000)),
                new LineChart.Series("test", steps(10), ramp(10)));
        JsonNode json = JSON.readTree(LineChart.dataJson(series, false));
        assertEquals(2, json.size());
        assertEquals("train \"loss\"\n", json.get(0).get("name").asText());
        assertTrue(json.get(0).get("x").size() <= LineChart.MAX_POINTS_PER_SERIES);
        assertEquals(json.get(0).get("x").size(), json.get(0).get("y").size());
        assertEquals(10, json.get(1).get("x").size());
        assertTrue(json.get(1).get("x").get(3).isIntegralNumber(), "steps are sent as integers");
        assertEquals(0.4, json.get(1).get("y").get(4).asDouble());
    }

    @Test
    void nonFiniteValuesAreSentAsNull() throws Exception {
        double[] y = {1, Double.NaN, Double.POSITIVE_INFINITY, -2};
        JsonNode json = JSON.readTree(LineChart.dataJson(List.of(new LineChart.Series("s", steps(4), y)), false));
        JsonNode sent = json.get(0).get("y");
        assertEquals(1, sent.get(0).asDouble());
        assertTrue(sent.get(1).isNull());
        assertTrue(sent.get(2).isNull());
        assertEquals(-2, sent.get(3).asDouble());
    }

    @Test
    void logScaleDropsValuesAtOrBelowZero() throws Exception {
        double[] y = {1e-300, 0, -1, 5e3};
        JsonNode json = JSON.readTree(LineChart.dataJson(List.of(new LineChart.Series("s", steps(4), y)), true));
        JsonNode sent = json.get(0).get("y");
        assertEquals(1e-300, sent.get(0).asDouble());
        assertTrue(sent.get(1).isNull());
        assertTrue(sent.get(2).isNull());
        assertEquals(5e3, sent.get(3).asDouble());
    }

    @Test
    void seriesNeedMatchingArraysAndUniqueNames() {
        assertThrows(IllegalArgumentException.class, () -> new LineChart.Series("s", new double[2], new double[3]));
        LineChart.Series s = new LineChart.Series("s", new double[1], new double[1]);
        assertThrows(IllegalArgumentException.class, () -> new LineChart().setData(List.of(s, s)));
    }

    @Test
    void sendsNothingWhileDetachedAndTheWholeStateOnAttach() {
        LineChart chart = new LineChart();
        chart.setTitle("loss");
        chart.setLogScale(true);
        chart.setData(List.of(new LineChart.Series("train", steps(3), ramp(3))));
        UI ui = JsCalls.ui();
        assertEquals(List.of(), JsCalls.sent(ui));

        ui.add(chart);
        assertEquals(
                List.of(
                        "setTitle(loss)",
                        "setYAxisName()",
                        "setXAxisName(step)",
                        "setScatterSeries([])",
                        "setSeriesStyles({})",
                        "setLogScale(true)",
                        "setAxes(" + NO_RANGES + ")",
                        "setData([{\"name\":\"train\",\"x\":[0,1,2],\"y\":[null,0.1,0.2]}])"),
                JsCalls.sent(ui));

        chart.setData(List.of());
        chart.setLogScale(false);
        assertEquals(List.of("setData([])", "setLogScale(false)", "setData([])"), JsCalls.sent(ui));
    }

    private static final String NO_RANGES = "{\"x\":{\"min\":null,\"max\":null,\"integer\":false,\"origin\":false},"
            + "\"y\":{\"min\":null,\"max\":null,\"integer\":false,\"origin\":false}}";

    /** A live update that only adds points sends only them; an unchanged update sends nothing; a change resends. */
    @Test
    void growingCurvesSendOnlyTheirNewPoints() {
        LineChart chart = new LineChart();
        UI ui = JsCalls.ui();
        ui.add(chart);
        JsCalls.sent(ui);
        chart.setData(List.of(new LineChart.Series("a", steps(2), ramp(2))));
        assertEquals(
                List.of("appendData([{\"name\":\"a\",\"x\":[0,1],\"y\":[0,0.1]}])"),
                JsCalls.sent(ui),
                "the attached chart held no series: the new one is all appended");

        chart.setData(
                List.of(new LineChart.Series("a", steps(4), ramp(4)), new LineChart.Series("b", steps(1), ramp(1))));
        assertEquals(
                List.of("appendData([{\"name\":\"a\",\"x\":[2,3],\"y\":[0.2,0.3]},"
                        + "{\"name\":\"b\",\"x\":[0],\"y\":[0]}])"),
                JsCalls.sent(ui));

        chart.setData(
                List.of(new LineChart.Series("a", steps(4), ramp(4)), new LineChart.Series("b", steps(1), ramp(1))));
        assertEquals(List.of(), JsCalls.sent(ui), "nothing new, nothing sent");

        double[] changed = ramp(4);
        changed[0] = 5;
        chart.setData(List.of(new LineChart.Series("a", steps(4), changed)));
        assertEquals(
                1,
                JsCalls.sent(ui).stream().filter(c -> c.startsWith("setData(")).count(),
                "a changed point or a removed series resends everything");
    }

    @Test
    void axisRangesWholeNumbersAndTheOriginAreSent() {
        LineChart chart = new LineChart();
        UI ui = JsCalls.ui();
        ui.add(chart);
        JsCalls.sent(ui);
        chart.setRanges(Double.NaN, Double.NaN, -1, 1);
        chart.setWholeNumberX(true);
        chart.setIncludeOrigin(true);
        List<String> sent = JsCalls.sent(ui);
        assertEquals(
                "setAxes({\"x\":{\"min\":null,\"max\":null,\"integer\":true,\"origin\":true},"
                        + "\"y\":{\"min\":-1,\"max\":1,\"integer\":false,\"origin\":true}})",
                sent.get(sent.size() - 1));
    }

    @Test
    void scatterSeriesAndXAxisNameAreSentAndKeptForTheNextAttach() {
        LineChart chart = new LineChart();
        UI ui = JsCalls.ui();
        ui.add(chart);
        JsCalls.sent(ui);
        chart.setXAxisName("k′");
        chart.setScatterSeries(List.of("pairs \"a\"", "b"));
        assertEquals(List.of("setXAxisName(k′)", "setScatterSeries([\"pairs \\\"a\\\"\",\"b\"])"), JsCalls.sent(ui));

        ui.remove(chart);
        ui.add(chart);
        List<String> resent = JsCalls.sent(ui);
        assertTrue(resent.contains("setXAxisName(k′)"), resent.toString());
        assertTrue(resent.contains("setScatterSeries([\"pairs \\\"a\\\"\",\"b\"])"), resent.toString());
    }

    @Test
    void seriesStylesAreSentAsJsonByNameAndKeptForTheNextAttach() throws Exception {
        LineChart chart = new LineChart();
        UI ui = JsCalls.ui();
        ui.add(chart);
        JsCalls.sent(ui);
        Map<String, LineChart.SeriesStyle> styles = new LinkedHashMap<>();
        styles.put("n=1000 · mean", new LineChart.SeriesStyle("#440154", false, 2));
        styles.put("n=1000 · +1 \"std\"", new LineChart.SeriesStyle("#440154", true, 0.75));
        chart.setSeriesStyles(styles);
        List<String> sent = JsCalls.sent(ui);
        assertEquals(1, sent.size(), sent.toString());
        assertTrue(sent.get(0).startsWith("setSeriesStyles("), sent.get(0));

        JsonNode json = JSON.readTree(LineChart.stylesJson(styles));
        assertEquals(2, json.size());
        JsonNode mean = json.get("n=1000 · mean");
        assertEquals("#440154", mean.get("color").asText());
        assertTrue(mean.get("dashed").isBoolean() && !mean.get("dashed").asBoolean());
        assertEquals(2, mean.get("width").asDouble());
        JsonNode band = json.get("n=1000 · +1 \"std\"");
        assertTrue(band.get("dashed").asBoolean());
        assertEquals(0.75, band.get("width").asDouble());
        assertEquals("{}", LineChart.stylesJson(Map.of()));

        ui.remove(chart);
        ui.add(chart);
        assertTrue(JsCalls.sent(ui).contains("setSeriesStyles(" + LineChart.stylesJson(styles) + ")"));
    }

    @Test
    void aStyleNeedsAHexColourAndAPositiveWidth() {
        assertThrows(IllegalArgumentException.class, () -> new LineChart.SeriesStyle("red", false, 1));
        assertThrows(IllegalArgumentException.class, () -> new LineChart.SeriesStyle("#12345", false, 1));
        assertThrows(IllegalArgumentException.class, () -> new LineChart.SeriesStyle(null, false, 1));
        assertThrows(IllegalArgumentException.class, () -> new LineChart.SeriesStyle("#123456", false, 0));
        assertThrows(IllegalArgumentException.class, () -> new LineChart.SeriesStyle("#123456", false, Double.NaN));
    }

    private static double[] steps(int n) {
        double[] x = new double[n];
        Arrays.setAll(x, i -> i);
        return x;
    }

    private static double[] ramp(int n) {
        double[] y = new double[n];
        Arrays.setAll(y, i -> i / 10.0);
        return y;
    }
}
