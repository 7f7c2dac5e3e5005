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
        svg.append("<rect x=\"")
                .append(n(x))
                .append("\" y=\"")
                .append(n(y))
                .append("\" width=\"")
                .append(n(width))
                .append("\" height=\"")
                .append(n(height))
                .append("\" fill=\"")
                .append(colour(rgb))
                .append("\"/>\n");
    }

    @Override
    public void frame(double x, double y, double width, double height, int rgb) {
        svg.append("<rect x=\"")
                .append(n(x))
                .append("\" y=\"")
                .append(n(y))
                .append("\" width=\"")
                .append(n(width))
                .append("\" height=\"")
                .append(n(height))
                .append("\" fill=\"none\" stroke=\"")
                .append(colour(rgb))
                .append("\"/>\n");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, int rgb, double width) {
        svg.append("<line x1=\"")
                .append(n(x1))
                .append("\" y1=\"")
                .append(n(y1))
                .append("\" x2=\"")
                .append(n(x2))
                .append("\" y2=\"")
                .append(n(y2))
                .append("\" stroke=\"")
                .append(colour(rgb))
                .append("\" stroke-width=\"")
                .append(n(width))
                .append("\"/>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, int rgb, double width, boolean dashed) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i <= xs.length; i++) {
            boolean gap = i == xs.length || !Double.isFinite(ys[i]);
            if (gap) {
                if (!points.isEmpty()) {
                    svg.append("<polyline fill=\"none\" stroke=\"")
                            .append(colour(rgb))
                            .append("\" stroke-width=\"")
                            .append(n(width))
                            .append(dashed ? "\" stroke-dasharray=\"6 4" : "")
                            .append("\" stroke-linejoin=\"round\" points=\"")
                            .append(points.toString().strip())
                            .append("\"/>\n");
                    points.setLength(0);
                }
            } else {
                points.append(n(xs[i])).append(',').append(n(ys[i])).append(' ');
            }
        }
    }

    @Override
    public void circle(double x, double y, double radius, int rgb) {
        svg.append("<circle cx=\"")
                .append(n(x))
                .append("\" cy=\"")
                .append(n(y))
                .append("\" r=\"")
                .append(n(radius))
                .append("\" fill=\"")
                .append(colour(rgb))
                .append("\" fill-opacity=\"0.75\"/>\n");
    }

    @Override
    public void text(double x, double y, String text, double size, Anchor anchor, boolean vertical) {
        svg.append("<text x=\"")
                .append(n(x))
                .append("\" y=\"")
                .append(n(y))
                .append("\" font-size=\"")
                .append(n(size))
                .append("\" text-anchor=\"")
                .append(anchor == Anchor.START ? "start" : anchor == Anchor.MIDDLE ? "middle" : "end")
                .append('"');
        if (vertical) {
            svg.append(" transform=\"rotate(-90 ")
                    .append(n(x))
                    .append(' ')
                    .append(n(y))
                    .append(")\"");
        }
        svg.append('>').append(escape(text)).append("</text>\n");
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

    private static String colour(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xFFFFFF);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
