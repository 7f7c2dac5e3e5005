package org.factlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.UI;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeatmapTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void payloadCarriesPreviewShapeRangeAndValues() throws Exception {
        float[] data = new float[300 * 2];
        data[0] = -1.5f;
        data[1] = Float.NaN;
        data[2] = -0.5f;
        data[3] = Float.NaN;
        data[599] = 8;
        MatrixPreview preview = MatrixPreview.blockReduce(300, 2, data, Heatmap.MAX_SIDE);
        JsonNode json = JSON.readTree(Heatmap.matrixJson("W₁ \"step\" 7", preview));
        assertEquals("W₁ \"step\" 7", json.get("title").asText());
        assertEquals(300, json.get("sourceRows").asInt());
        assertEquals(2, json.get("sourceCols").asInt());
        assertEquals(2, json.get("rowBlock").asInt());
        assertEquals(1, json.get("colBlock").asInt());
        assertEquals(150, json.get("rows").asInt());
        assertEquals(2, json.get("cols").asInt());
        assertEquals(300, json.get("values").size());
        assertEquals(-1, json.get("values").get(0).asDouble());
        assertTrue(json.get("values").get(1).isNull());
        assertEquals(-1, json.get("min").asDouble());
        assertEquals(4, json.get("max").asDouble());
    }

    @Test
    void resendsTheMatrixOnAttachAndClears() {
        Heatmap heatmap = new Heatmap();
        heatmap.setMatrix("m", 1, 2, new float[] {0.5f, 2});
        UI ui = JsCalls.ui();
        ui.add(heatmap);
        assertEquals(List.of("setMatrix({\"title\":\"m\",\"sourceRows\":1,\"sourceCols\":2,\"rowBlock\":1,"
                + "\"colBlock\":1,\"rows\":1,\"cols\":2,\"min\":0.5,\"max\":2,\"values\":[0.5,2]})"), JsCalls.sent(ui));

        heatmap.clear();
        assertEquals(List.of("clear()"), JsCalls.sent(ui));
    }
}
