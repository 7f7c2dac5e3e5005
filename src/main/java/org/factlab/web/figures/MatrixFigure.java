package org.factlab.web.figures;

/**
 * A matrix as a figure for a paper: title, row and column axes with source indices, the cells in the run page's
 * colour scale ({@link ColourScale}) and a colour bar with its values. Row 0 is at the top. A matrix with a side
 * over {@code maxSide} is drawn block-averaged, as on the page.
 */
public final class MatrixFigure {

    /** The page's preview size (ui.charts.Heatmap.MAX_SIDE): the colour range is the one of this preview. */
    static final int SVG_MAX_SIDE = 200;

    static final int PNG_MAX_SIDE = 680;
    private static final int WIDTH = 540;
    private static final int HEIGHT = 450;
    private static final double LEFT = 64;
    private static final double TOP = 44;
    private static final double SIDE = 340;
    private static final int BAR_SEGMENTS = 64;
    private static final int AXIS = 0x333333;

    private final String title;
    private final Blocks cells;
    private final ColourScale scale;

    private MatrixFigure(String title, int rows, int cols, float[] data, int maxSide) {
        this.title = title;
        this.cells = Blocks.of(rows, cols, data, maxSide);
        Blocks onPage = maxSide == SVG_MAX_SIDE ? cells : Blocks.of(rows, cols, data, SVG_MAX_SIDE);
        this.scale = ColourScale.of(onPage.min(), onPage.max());
    }

    /** The figure as an SVG document. */
    public static String svg(String title, int rows, int cols, float[] data) {
        SvgCanvas canvas = new SvgCanvas(WIDTH, HEIGHT, title);
        new MatrixFigure(title, rows, cols, data, SVG_MAX_SIDE).draw(canvas);
        return canvas.finish();
    }

    /** The figure as a PNG at twice the SVG's size. */
    public static byte[] png(String title, int rows, int cols, float[] data) {
        PngCanvas canvas = new PngCanvas(WIDTH, HEIGHT);
        new MatrixFigure(title, rows, cols, data, PNG_MAX_SIDE).draw(canvas);
        return canvas.finish();
    }

    private void draw(Canvas c) {
        c.text(16, 26, title, 15, Canvas.Anchor.START, false);
        double cell = SIDE / Math.max(cells.rows(), cells.cols());
        double width = cell * cells.cols();
        double height = cell * cells.rows();
        c.beginGroup("cells");
        for (int r = 0; r < cells.rows(); r++) {
            for (int col = 0; col < cells.cols(); col++) {
                double v = cells.values()[r * cells.cols() + col];
                if (Double.isFinite(v)) {
                    c.rect(LEFT + col * cell, TOP + r * cell, cell + 0.02, cell + 0.02, scale.colour(v));
                }
            }
        }
        c.endGroup();
        c.frame(LEFT, TOP, width, height, AXIS);
        axes(c, cell, width, height);
        colourBar(c, LEFT + width + 28, height);
    }

    private void axes(Canvas c, double cell, double width, double height) {
        c.beginGroup("axes");
        int colStep = labelStep(cells.cols());
        for (int col = 0; col < cells.cols(); col += colStep) {
            double x = LEFT + (col + 0.5) * cell;
            c.line(x, TOP + height, x, TOP + height + 4, AXIS, 1);
            c.text(x, TOP + height + 16, Integer.toString(col * cells.colBlock()), 11, Canvas.Anchor.MIDDLE, false);
        }
        int rowStep = labelStep(cells.rows());
        for (int r = 0; r < cells.rows(); r += rowStep) {
            double y = TOP + (r + 0.5) * cell;
            c.line(LEFT - 4, y, LEFT, y, AXIS, 1);
            c.text(LEFT - 7, y + 4, Integer.toString(r * cells.rowBlock()), 11, Canvas.Anchor.END, false);
        }
        c.text(
                LEFT + width / 2,
                TOP + height + 34,
                "column" + blockNote(cells.colBlock()),
                12,
                Canvas.Anchor.MIDDLE,
                false);
        c.text(LEFT - 40, TOP + height / 2, "row" + blockNote(cells.rowBlock()), 12, Canvas.Anchor.MIDDLE, true);
        c.endGroup();
    }

    private void colourBar(Canvas c, double x, double height) {
        c.beginGroup("colour-bar");
        double segment = height / BAR_SEGMENTS;
        for (int i = 0; i < BAR_SEGMENTS; i++) {
            double value = scale.high() - (i + 0.5) / BAR_SEGMENTS * (scale.high() - scale.low());
            c.rect(x, TOP + i * segment, 16, segment + 0.02, scale.colour(value));
        }
        c.frame(x, TOP, 16, height, AXIS);
        for (int i = 0; i <= 4; i++) {
            double value = scale.high() - i / 4.0 * (scale.high() - scale.low());
            double y = TOP + i / 4.0 * height;
            c.line(x + 16, y, x + 20, y, AXIS, 1);
            c.text(x + 23, y + 4, Ticks.label(scale.diverging() && i == 2 ? 0 : value), 11, Canvas.Anchor.START, false);
        }
        c.endGroup();
    }

    /** The least of 1, 2, 5, 10, … that labels at most six of the cells (as the page does). */
    static int labelStep(int count) {
        for (int magnitude = 1; ; magnitude *= 10) {
            for (int step : new int[] {magnitude, 2 * magnitude, 5 * magnitude}) {
                if (count / (double) step <= 6) {
                    return step;
                }
            }
        }
    }

    private static String blockNote(int block) {
        return block == 1 ? "" : " (means of " + block + ")";
    }
}
