package org.factlab.ui.charts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import org.factlab.experiments.paper.TexText;

/**
 * A matrix drawn as an ECharts heatmap, row 0 at the top, with its colour scale beside it: blue – white –
 * red symmetric around 0 when the shown values have both signs, dark – bright over their range otherwise.
 * Matrices with a side over {@link #MAX_SIDE} are shown block-averaged ({@link MatrixPreview}); axes and
 * tooltip give source row and column indices. PNG export from the toolbox. Fills its container's width and
 * is 320 px high unless sized otherwise ({@link HasSize}).
 *
 * <p>The heatmap keeps the last matrix and sends it again whenever it is attached, so it may be filled
 * before it is shown. The browser reports whether the element is in view: a matrix set while it is scrolled out of
 * view is neither reduced nor sent until it comes into view (only the latest one then), which keeps a live page
 * with several large heatmaps light.
 *
 * <p>Only the preview's shape, range and title travel in the server's message; its values are a binary download
 * ({@link #VALUES_ATTRIBUTE}, float32 little-endian, row-major) that the element fetches itself, so that a push
 * carrying several previews stays a few hundred bytes and the browser never parses 40 000 numbers as text.
 */
@Tag("factlab-heatmap")
@JsModule("./charts/factlab-heatmap.js")
@NpmPackage(value = "echarts", version = "6.1.0")
public class Heatmap extends Component implements HasSize, HasStyle {

    /** The most rows and columns sent to the browser. */
    public static final int MAX_SIDE = 200;

    /** The element attribute holding the URL of the shown preview's values. */
    static final String VALUES_ATTRIBUTE = "values-src";

    /** The matrix to show, null when there is none. */
    private Shown shown;
    /** True while the last matrix has not reached the browser. */
    private boolean unsent;
    /** Whether the element is in view, as the browser last said; assumed until it says otherwise. */
    private boolean inView = true;

    /** A matrix as given, with the colour range to use (NaN: its own): reduced and written to JSON only when sent. */
    private record Shown(String title, int rows, int cols, float[] data, float low, float high) {}

    public Heatmap() {
        addAttachListener(event -> {
            unsent = true;
            sendState();
        });
        getElement()
                .addEventListener("factlab-visibility", event -> {
                    inView = event.getEventData().getBoolean("event.detail.visible");
                    if (inView && unsent) {
                        sendState();
                    }
                })
                .addEventData("event.detail.visible");
    }

    /**
     * Shows a matrix, replacing the previous one (sent at once when in view, else when it comes into view).
     *
     * @param rowMajor rows × cols values, row after row; NaN and infinities are left blank; kept, not copied
     */
    public void setMatrix(String title, int rows, int cols, float[] rowMajor) {
        setMatrixInRange(title, rows, cols, rowMajor, Float.NaN, Float.NaN);
    }

    /**
     * Shows a matrix coloured over a given value range instead of its own, so that several heatmaps side by side
     * share one colour scale and colour map: pass every matrix the same [low, high] (e.g. the range over all of
     * their {@link MatrixPreview}s; NaN: the matrix's own range). As for one matrix, a range with both signs is
     * drawn blue – white – red symmetric around 0, a one-sign range dark – bright.
     */
    public void setMatrixInRange(String title, int rows, int cols, float[] rowMajor, float low, float high) {
        if (rowMajor.length != (long) rows * cols) {
            throw new IllegalArgumentException(
                    rows + "×" + cols + " matrix needs " + (long) rows * cols + " values, got " + rowMajor.length);
        }
        shown = new Shown(TexText.of(Objects.requireNonNullElse(title, "")), rows, cols, rowMajor, low, high);
        unsent = true;
        if (isAttached() && inView) {
            sendState();
        }
    }

    /** Shows nothing. */
    public void clear() {
        shown = null;
        unsent = true;
        if (isAttached()) {
            sendState();
        }
    }

    /** True while a matrix waits for the element to come into view. */
    public boolean isPending() {
        return unsent && shown != null;
    }

    private void sendState() {
        if (shown == null) {
            getElement().removeAttribute(VALUES_ATTRIBUTE);
            getElement().callJsFunction("clear");
        } else {
            MatrixPreview own = MatrixPreview.blockReduce(shown.rows(), shown.cols(), shown.data(), MAX_SIDE);
            MatrixPreview preview = Float.isNaN(shown.low())
                    ? own
                    : new MatrixPreview(
                            own.sourceRows(),
                            own.sourceCols(),
                            own.rowBlock(),
                            own.colBlock(),
                            own.rows(),
                            own.cols(),
                            own.values(),
                            shown.low(),
                            shown.high());
            byte[] values = valueBytes(preview);
            getElement().setAttribute(VALUES_ATTRIBUTE, (DownloadHandler) event -> {
                event.setContentType("application/octet-stream");
                event.setContentLength(values.length);
                event.getOutputStream().write(values);
            });
            getElement().callJsFunction("setMatrix", matrixJson(shown.title(), preview));
        }
        unsent = false;
    }

    /** The preview's values as the element reads them: float32, little-endian, row-major, NaN where missing. */
    static byte[] valueBytes(MatrixPreview preview) {
        ByteBuffer bytes =
                ByteBuffer.allocate(preview.values().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(preview.values());
        return bytes.array();
    }

    /**
     * The element's setMatrix payload: {@code {"title","sourceRows","sourceCols","rowBlock","colBlock",
     * "rows","cols","min","max"}}; the values follow as the download at {@link #VALUES_ATTRIBUTE}.
     */
    static String matrixJson(String title, MatrixPreview preview) {
        StringBuilder json = new StringBuilder(200);
        json.append("{\"title\":");
        ChartJson.appendString(json, title);
        json.append(",\"sourceRows\":")
                .append(preview.sourceRows())
                .append(",\"sourceCols\":")
                .append(preview.sourceCols())
                .append(",\"rowBlock\":")
                .append(preview.rowBlock())
                .append(",\"colBlock\":")
                .append(preview.colBlock())
                .append(",\"rows\":")
                .append(preview.rows())
                .append(",\"cols\":")
                .append(preview.cols())
                .append(",\"min\":");
        ChartJson.appendFloat(json, preview.min());
        json.append(",\"max\":");
        ChartJson.appendFloat(json, preview.max());
        return json.append('}').toString();
    }
}
