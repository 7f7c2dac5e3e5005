package org.factlab.web.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class FiguresSvgTest {

    /** Parses an SVG document as XML (fails on anything malformed). */
    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    static Element group(Document doc, String id) {
        NodeList groups = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (id.equals(g.getAttribute("id"))) {
                return g;
            }
        }
        throw new AssertionError("no group " + id);
    }

    static List<String> texts(Element e) {
        NodeList nodes = e.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    @Test
    void aSignedMatrixIsValidSvgWithASymmetricDivergingColourBar() throws Exception {
        float[] data = {-1f, 0.5f, 2f, 0f};
        Document doc = parse(MatrixFigure.svg("WᵀW · run r1 · step 3", 2, 2, data));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        List<String> bar = texts(group(doc, "colour-bar"));
        assertEquals(List.of("2", "1", "0", "-1", "-2"), bar, "symmetric around 0 like the page");
        NodeList cells = group(doc, "cells").getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
        assertEquals(4, cells.getLength());
        assertEquals("#b2182b", ((Element) cells.item(2)).getAttribute("fill"), "the largest value at the red end");
        assertEquals("#f7f7f7", ((Element) cells.item(3)).getAttribute("fill"), "0 is the diverging map's white");
        assertTrue(texts(group(doc, "axes")).containsAll(List.of("row", "column", "0", "1")));
        assertTrue(texts(doc.getDocumentElement()).contains("WᵀW · run r1 · step 3"));
    }

    @Test
    void aOneSignMatrixUsesThePagesSequentialScaleOverItsOwnRange() {
        ColourScale scale = ColourScale.of(0.5, 4.5);
        assertEquals(0x440154, scale.colour(0.5));
        assertEquals(0xfde725, scale.colour(4.5));
        assertEquals(0x21918c, scale.colour(2.5));
    }

    @Test
    void aLargeMatrixIsBlockAveragedAsOnThePageAndItsPngIsTwiceTheSize() throws Exception {
        int side = 450;
        float[] data = new float[side * side];
        for (int i = 0; i < data.length; i++) {
            data[i] = i % 7 - 3;
        }
        Document doc = parse(MatrixFigure.svg("big", side, side, data));
        assertEquals(
                150 * 150,
                group(doc, "cells")
                        .getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect")
                        .getLength(),
                "blocks of 3 keep the side within 200");
        assertTrue(texts(group(doc, "axes")).contains("row (means of 3)"));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(MatrixFigure.png("big", side, side, data)));
        assertEquals(2 * 540, png.getWidth());
        assertEquals(2 * 450, png.getHeight());
    }

    @Test
    void aChartIsValidSvgWithTitleAxisNamesAndALegendAndNoWidgets() throws Exception {
        List<LineFigure.Curve> curves = List.of(
                new LineFigure.Curve("FACT", new double[] {0, 1000, 2000}, new double[] {0.2, 0.9, 1.0}),
                new LineFigure.Curve("√AGOP", new double[] {0, 1000, 2000}, new double[] {0.3, Double.NaN, 0.24}));
        String svg = LineFigure.svg(
                "cosine similarity with WᵀW · run r1 · step 2000", "step", "cosine similarity", curves, false);
        Document doc = parse(svg);
        assertEquals(List.of("FACT", "√AGOP"), texts(group(doc, "legend")));
        List<String> axes = texts(group(doc, "axes"));
        assertTrue(axes.containsAll(List.of("step", "cosine similarity", "0", "1000", "2000")), axes.toString());
        assertEquals(
                3,
                group(doc, "curves")
                        .getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline")
                        .getLength(),
                "the NaN breaks the second curve in two");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(LineFigure.png("t", "step", "loss", curves, true)));
        assertEquals(2 * 760, png.getWidth());
    }

    @Test
    void ticksFallOnRoundNumbers() {
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), Ticks.linear(0, 1, 5));
        assertEquals(List.of(1e-3, 1e-2, 1e-1, 1.0), Ticks.log(5e-4, 2));
        assertEquals("0.25", Ticks.label(0.25));
        assertEquals("1.00e-05", Ticks.label(1e-5));
    }
}
