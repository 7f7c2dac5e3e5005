package org.factlab.web.figures;

import java.util.List;

/** A line or scatter figure ready to draw ({@link LineFigure}): its title, axes and curves, as SVG or 2× PNG. */
public record Figure(String title, LineFigure.Axes axes, List<LineFigure.Curve> curves) {

    public String svg() {
        return LineFigure.svg(title, axes, curves);
    }

    public byte[] png() {
        return LineFigure.png(title, axes, curves);
    }
}
