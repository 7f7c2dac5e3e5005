package org.factlab.web.figures;

import java.util.Locale;

/** A {@link Canvas} that writes a standalone SVG 1.1 document. */
final class SvgCanvas implements Canvas {

    private final StringBuilder svg = new StringBuilder();

    SvgCanvas(int width, int height, String title) {
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n")
                .append("<title>")
                .append(escape(title))
                .append("</title>\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    }

    @Override
    public void rect(double x, double y, double width, double height, int rgb) {
        svg.append(format(
                "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"/>\n",
                x, y, width, height, colour(rgb)));
    }

    @Override
    public void frame(double x, double y, double width, double height, int rgb) {
        svg.append(format(
                "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"none\" stroke=\"%s\"/>\n",
                x, y, width, height, colour(rgb)));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, int rgb, double width) {
        svg.append(format(
                "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\" stroke-width=\"%.2f\"/>\n",
                x1, y1, x2, y2, colour(rgb), width));
    }

    @Override
    public void polyline(double[] xs, double[] ys, int rgb, double width, boolean dashed) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i <= xs.length; i++) {
            boolean gap = i == xs.length || !Double.isFinite(ys[i]);
            if (gap) {
                if (!points.isEmpty()) {
                    svg.append(format(
                            "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%.2f\"%s stroke-linejoin=\"round\""
                                    + " points=\"%s\"/>\n",
                            colour(rgb),
                            width,
                            dashed ? " stroke-dasharray=\"6 4\"" : "",
                            points.toString().strip()));
                    points.setLength(0);
                }
            } else {
                points.append(n(xs[i])).append(',').append(n(ys[i])).append(' ');
            }
        }
    }

    @Override
    public void circle(double x, double y, double radius, int rgb) {
        svg.append(format(
                "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" fill=\"%s\" fill-opacity=\"0.75\"/>\n",
                x, y, radius, colour(rgb)));
    }

    @Override
    public void text(double x, double y, String text, double size, Anchor anchor, boolean vertical) {
        String side = anchor == Anchor.START ? "start" : anchor == Anchor.MIDDLE ? "middle" : "end";
        String rotation = vertical ? format(" transform=\"rotate(-90 %.2f %.2f)\"", x, y) : "";
        svg.append(format(
                "<text x=\"%.2f\" y=\"%.2f\" font-size=\"%.2f\" text-anchor=\"%s\"%s>%s</text>\n",
                x, y, size, side, rotation, escape(text)));
    }

    @Override
    public void beginGroup(String id) {
        svg.append("<g id=\"").append(escape(id)).append("\">\n");
    }

    @Override
    public void endGroup() {
        svg.append("</g>\n");
    }

    String finish() {
        return svg + "</svg>\n";
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    private static String colour(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xFFFFFF);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
