package org.factlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.UI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
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
        assertFalse(json.has("values"), "the values travel as a download, not in the message");
        assertEquals(-1, json.get("min").asDouble());
        assertEquals(4, json.get("max").asDouble());

        FloatBuffer values = ByteBuffer.wrap(Heatmap.valueBytes(preview))
                .order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer();
        assertEquals(300, values.remaining());
        assertEquals(-1f, values.get(0), "mean of −1.5 and −0.5");
        assertTrue(Float.isNaN(values.get(1)), "a block without a finite value");
        assertEquals(4f, values.get(299), "mean of 0 and 8");
    }

    @Test
    void resendsTheMatrixOnAttachAndClears() {
        Heatmap heatmap = new Heatmap();
        heatmap.setMatrix("m", 1, 2, new float[] {0.5f, 2});
        UI ui = JsCalls.ui();
        UI.setCurrent(ui); // the values' download URL is registered for the current UI
        try {
            ui.add(heatmap);
            assertEquals(
                    List.of("setMatrix({\"title\":\"m\",\"sourceRows\":1,\"sourceCols\":2,\"rowBlock\":1,"
                            + "\"colBlock\":1,\"rows\":1,\"cols\":2,\"min\":0.5,\"max\":2})"),
                    JsCalls.sent(ui));
            String first = heatmap.getElement().getAttribute(Heatmap.VALUES_ATTRIBUTE);
            assertNotNull(first, "the values' download URL");

            heatmap.setMatrix("m", 1, 2, new float[] {1, 3});
            JsCalls.sent(ui);
            assertNotEquals(
                    first, heatmap.getElement().getAttribute(Heatmap.VALUES_ATTRIBUTE), "a new matrix, a new URL");

            heatmap.clear();
            assertEquals(List.of("clear()"), JsCalls.sent(ui));
            assertNull(heatmap.getElement().getAttribute(Heatmap.VALUES_ATTRIBUTE));
        } finally {
            UI.setCurrent(null);
        }
    }
}
