package org.factlab.web.figures;

/**
 * What a figure draws on, in logical pixels (x right, y down): an SVG document ({@link SvgCanvas}) or a PNG at
 * twice the resolution ({@link PngCanvas}). Colours are 0xRRGGBB.
 */
interface Canvas {

    enum Anchor {
        START,
        MIDDLE,
        END
    }

    void rect(double x, double y, double width, double height, int rgb);

    /** An unfilled rectangle: an axis frame or a colour bar's border. */
    void frame(double x, double y, double width, double height, int rgb);

    void line(double x1, double y1, double x2, double y2, int rgb, double width);

    /** A curve through the points, solid or dashed; a NaN y breaks it. */
    void polyline(double[] xs, double[] ys, int rgb, double width, boolean dashed);

    /** A filled dot: a point of a scatter. */
    void circle(double x, double y, double radius, int rgb);

    /** Text with its baseline at y; {@code vertical} turns it 90° counter-clockwise about (x, y). */
    void text(double x, double y, String text, double size, Anchor anchor, boolean vertical);

    /** Starts a named group (an SVG {@code <g id>}); groups do not nest. */
    void beginGroup(String id);

    void endGroup();
}
