package org.factlab.web.figures;

import static org.factlab.web.figures.FiguresSvgTest.group;
import static org.factlab.web.figures.FiguresSvgTest.parse;
import static org.factlab.web.figures.FiguresSvgTest.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.parity.ParityKind;
import org.factlab.experiments.sections.ResultsTable;
import org.factlab.experiments.sections.ResultsTableSection;
import org.factlab.experiments.sections.ScatterFitSection;
import org.factlab.experiments.sections.Section;
import org.factlab.experiments.tabular.TabularKind;
import org.factlab.experiments.tabular.TabularSeries;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The scatter figures of declared sections (Figure 7 as the RFM kinds declare it, the tabular kind's results
 * scatter) and styled curves: valid SVG, points, fit, axes, 2× PNG.
 */
class ScatterFiguresTest {

    private static final String SVG = "http://www.w3.org/2000/svg";

    @Test
    void figure7HasAPointPerPairTheFitThroughTheOriginAndThePapersAxisNames() throws Exception {
        float[] pairs = {0.2f, 0.1f, 0.5f, 0.26f, 0.9f, 0.44f, 1.3f, 0.66f};
        ScatterFitSection figure7 = declared(new ParityKind(), ScatterFitSection.class);
        Figure figure = ScatterFigures.scatterFit("r1", figure7, 4, pairs, 0.5, 0.98);
        Document doc = parse(figure.svg());
        assertEquals(
                4, group(doc, "points").getElementsByTagNameNS(SVG, "circle").getLength(), "one dot per pair");
        NodeList fit = group(doc, "curves").getElementsByTagNameNS(SVG, "polyline");
        assertEquals(1, fit.getLength(), "the fit line");
        List<String> axes = texts(group(doc, "axes"));
        assertTrue(axes.containsAll(List.of("k′(xᵢᵀMxⱼ)", "τ(xᵢ, xⱼ, M)", "0")), axes.toString());
        assertEquals(List.of("pairs (xᵢ, xⱼ), 4 sampled", "fit τ = 0.5·k′, R² = 0.98"), texts(group(doc, "legend")));
        String[] ends = ((Element) fit.item(0)).getAttribute("points").split(" ");
        String origin = ends[0];
        // the fit starts at (0, 0): the x tick "0" and the y tick "0" lie on the same pixel column and row
        double x0 = Double.parseDouble(origin.split(",")[0]);
        double y0 = Double.parseDouble(origin.split(",")[1]);
        assertEquals(x0, tickPosition(doc, "0", true), 0.01);
        assertEquals(y0, tickPosition(doc, "0", false), 0.01);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(figure.png()));
        assertEquals(2 * Integer.parseInt(doc.getDocumentElement().getAttribute("width")), png.getWidth());
        assertEquals(2 * Integer.parseInt(doc.getDocumentElement().getAttribute("height")), png.getHeight());
    }

    @Test
    void theTabularScatterHasAPointPerDatasetAndVariantAndTheDiagonal() throws Exception {
        Map<String, TreeMap<Long, Double>> series = new TreeMap<>();
        double[][] accuracies = {{0.9, 0.92, 0.91}, {0.8, 0.78, 0.81}, {0.7, 0.75, 0.7}};
        String[] datasets = {"iris", "wine", "glass"};
        for (int d = 0; d < datasets.length; d++) {
            String[] methods = {"nfa", "fact", "fact-geometric"};
            for (int m = 0; m < methods.length; m++) {
                series.put(
                        "dataset/" + datasets[d] + "/" + methods[m] + "/" + TabularSeries.TEST_ACCURACY,
                        new TreeMap<>(Map.of(0L, accuracies[d][m])));
            }
        }
        ResultsTable results =
                ResultsTable.of(declared(new TabularKind(), ResultsTableSection.class), series, Map.of(), List.of());
        Figure figure = ScatterFigures.resultsScatter("r2", results);
        Document doc = parse(figure.svg());
        assertEquals(
                3 * 2,
                group(doc, "points").getElementsByTagNameNS(SVG, "circle").getLength());
        Element diagonal = (Element)
                group(doc, "curves").getElementsByTagNameNS(SVG, "polyline").item(0);
        assertEquals("6 4", diagonal.getAttribute("stroke-dasharray"), "the diagonal is dashed");
        assertEquals(
                List.of(
                        TabularSeries.title("fact"),
                        TabularSeries.title("fact-geometric"),
                        "diagonal (equal accuracy)"),
                texts(group(doc, "legend")));
        assertTrue(texts(group(doc, "axes"))
                .containsAll(List.of(
                        TabularSeries.title("nfa") + " test accuracy",
                        TabularSeries.title("fact") + " test accuracy")));
        assertEquals(
                2 * Integer.parseInt(doc.getDocumentElement().getAttribute("width")),
                ImageIO.read(new ByteArrayInputStream(figure.png())).getWidth());
    }

    private static <T extends Section> T declared(ExperimentKind<?> kind, Class<T> type) {
        return kind.sections().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void styledCurvesKeepTheirColoursUnlabelledOnesStayOutOfTheLegendAndStepsAreWhole() throws Exception {
        List<LineFigure.Curve> curves = List.of(
                new LineFigure.Curve(
                        "τ = 0.02 (mean of 2 runs)",
                        new double[] {0, 1, 2, 3},
                        new double[] {0.5, 0.6, 0.7, 0.8},
                        0x440154,
                        LineFigure.Style.LINE),
                new LineFigure.Curve(
                        null,
                        new double[] {0, 1, 2, 3},
                        new double[] {0.6, 0.7, 0.8, 0.9},
                        0x440154,
                        LineFigure.Style.DASHED));
        Document doc = parse(
                LineFigure.svg("t", LineFigure.Axes.steps("cosine similarity", false, new double[] {0, 1}), curves));
        assertEquals(List.of("τ = 0.02 (mean of 2 runs)"), texts(group(doc, "legend")));
        NodeList lines = group(doc, "curves").getElementsByTagNameNS(SVG, "polyline");
        assertEquals("#440154", ((Element) lines.item(0)).getAttribute("stroke"));
        assertEquals("#440154", ((Element) lines.item(1)).getAttribute("stroke"));
        List<String> axes = texts(group(doc, "axes"));
        assertTrue(axes.containsAll(List.of("0", "1", "2", "3", "0.2", "0.8")), axes.toString());
        assertTrue(axes.stream().noneMatch(t -> t.equals("0.5") || t.equals("1.5")), "no tick between steps: " + axes);
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0), Ticks.whole(0, 3, 6));
    }

    /** The pixel position of the tick labelled {@code label} on the x axis (its x) or the y axis (its line's y). */
    private static double tickPosition(Document doc, String label, boolean x) {
        NodeList nodes = group(doc, "axes").getElementsByTagNameNS(SVG, "text");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element t = (Element) nodes.item(i);
            boolean onX = "middle".equals(t.getAttribute("text-anchor"));
            if (label.equals(t.getTextContent()) && onX == x) {
                return x ? Double.parseDouble(t.getAttribute("x")) : Double.parseDouble(t.getAttribute("y")) - 4;
            }
        }
        throw new AssertionError("no tick " + label);
    }
}
