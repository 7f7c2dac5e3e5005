package org.factlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.TreeMap;
import org.factlab.ui.SeriesNames.Alignment;
import org.factlab.ui.SeriesNames.Family;
import org.junit.jupiter.api.Test;

/** The mlp kind's layer-wise names (README.md) read back: every contract name, and the near misses that must not match. */
class SeriesNamesTest {

    private static final List<String> FORWARD =
            List.of("fact", "sym_fact", "agop", "sqrt_agop", "agop_1_over_L", "enfa", "sqrt_enfa");
    private static final List<String> BACKWARD = List.of("fact", "sym_fact", "agop", "sqrt_agop", "enfa", "sqrt_enfa");

    @Test
    void everyContractSimilarityNameParsesToItsLayerFamilyAndMethod() {
        for (int layer : new int[] {1, 2, 17}) {
            for (String method : FORWARD) {
                assertEquals(Optional.of(new Alignment(layer, Family.PEARSON, method)),
                        SeriesNames.alignment("layer" + layer + "/" + method + "/pearson"));
                assertEquals(Optional.of(new Alignment(layer, Family.COSINE, method)),
                        SeriesNames.alignment("layer" + layer + "/" + method + "/cosine"));
            }
            for (String method : BACKWARD) {
                assertEquals(Optional.of(new Alignment(layer, Family.BACKWARD_PEARSON, method)),
                        SeriesNames.alignment("layer" + layer + "/backward/" + method + "/pearson"));
                assertEquals(Optional.of(new Alignment(layer, Family.BACKWARD_COSINE, method)),
                        SeriesNames.alignment("layer" + layer + "/backward/" + method + "/cosine"));
            }
        }
    }

    @Test
    void otherNamesAreNoSimilarities() {
        for (String name : List.of("fact/pearson", "layer1/grad_norm", "layer1/fact/relerr", "layer0/fact/pearson",
                "layer01/fact/pearson", "layerx/fact/pearson", "layer1/fact/pearson/x", "layer1//pearson",
                "layer1/backward//cosine", "layer1/backward/fact/relerr", "layer1/forward/fact/cosine",
                "run B · layer1/fact/pearson", "layer1/pearson")) {
            assertEquals(Optional.empty(), SeriesNames.alignment(name), name);
        }
    }

    @Test
    void stationaritySeriesGiveTheirLayer() {
        assertEquals(OptionalInt.of(12), SeriesNames.layerOf("layer12/grad_norm", SeriesNames.GRAD_NORM));
        assertEquals(OptionalInt.of(2), SeriesNames.layerOf("layer2/fact/relerr", SeriesNames.RELERR));
        assertEquals(OptionalInt.empty(), SeriesNames.layerOf("layer2/grad_norm", SeriesNames.RELERR));
        assertEquals(OptionalInt.empty(), SeriesNames.layerOf("grad_norm", SeriesNames.GRAD_NORM));
        assertTrue(SeriesNames.isLayerWise("layer3/fact/relerr"));
        assertTrue(!SeriesNames.isLayerWise("layer3/weight_norm"));
    }

    @Test
    void theGenericPanelKeepsEverythingWithoutLayerSeriesAndOnlyTheRestWithThem() {
        Map<String, double[][]> quadratic = curves("fact/cosine", "loss", "grad_norm", "fact/relerr", "train/loss");
        assertSame(quadratic, SeriesNames.notInAlignmentSection(quadratic));

        Map<String, double[][]> mlp = curves("layer1/fact/pearson", "layer1/backward/enfa/cosine", "layer2/grad_norm",
                "layer1/fact/relerr", "train/loss", "train/accuracy", "test/accuracy", "lr", "layer1/weight_norm");
        assertEquals(List.of("layer1/weight_norm", "lr"), List.copyOf(SeriesNames.notInAlignmentSection(mlp).keySet()));
        assertSame(mlp.get("lr"), SeriesNames.notInAlignmentSection(mlp).get("lr"));
    }

    @Test
    void labelsAreReadableAndUnknownMethodsKeepTheirName() {
        assertEquals("√(FACT·FACTᵀ)", SeriesNames.methodLabel("sym_fact", false));
        assertEquals("AGOP^{1/L}", SeriesNames.methodLabel("agop_1_over_L", false));
        assertEquals("√eNFA", SeriesNames.methodLabel("sqrt_enfa", false));
        assertEquals("bFACT", SeriesNames.methodLabel("fact", true));
        assertEquals("√bAGOP", SeriesNames.methodLabel("sqrt_agop", true));
        assertEquals("new_method", SeriesNames.methodLabel("new_method", true));
        assertEquals("WᵀW, layer 1", SeriesNames.matrixLabel("layer1/WtW"));
        assertEquals("√AGOP, layer 3", SeriesNames.matrixLabel("layer3/sqrt_agop"));
        assertEquals("FACT", SeriesNames.matrixLabel("FACT"));
        assertEquals("layer1/other", SeriesNames.matrixLabel("layer1/other"));
    }

    @Test
    void methodsSortInThePapersOrderThenAlphabetically() {
        List<String> methods = new ArrayList<>(FORWARD);
        methods.addAll(List.of("zeta", "alpha"));
        Collections.shuffle(methods, new Random(3));
        methods.sort(SeriesNames.methodOrder());
        List<String> expected = new ArrayList<>(FORWARD);
        expected.addAll(List.of("alpha", "zeta"));
        assertEquals(expected, methods);
    }

    @Test
    void heatmapsShowWtWFirstThenFactSqrtAgopSqrtEnfaLayerByLayerThenTheRest() {
        List<String> expected = List.of("layer1/WtW", "layer1/FACT", "layer1/sqrt_agop", "layer1/sqrt_enfa",
                "layer2/WtW", "layer10/FACT", "AGOP", "M", "layer1/other");
        List<String> names = new ArrayList<>(expected);
        Collections.shuffle(names, new Random(7));
        names.sort(SeriesNames.matrixOrder());
        assertEquals(expected, names);
    }

    /** Curves with distinct arrays, so that tests can check which array went where. */
    static Map<String, double[][]> curves(String... names) {
        Map<String, double[][]> curves = new TreeMap<>();
        for (int i = 0; i < names.length; i++) {
            curves.put(names[i], new double[][] {{0, 1}, {i, i + 0.5}});
        }
        return curves;
    }
}
