package org.factlab.runs.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Colours by field value: equal values share one, distinct values differ, numbers follow an ordered ramp. */
class CurveColoursTest {

    @Test
    void equalValuesShareAColourAndDistinctValuesDiffer() {
        Map<Object, String> colours = CurveColours.of(List.of("nfa", "fact", "nfa", "agop", "fact"));
        assertEquals(3, colours.size());
        assertEquals(3, new HashSet<>(colours.values()).size());
        assertEquals(CurveColours.CATEGORICAL.get(0), colours.get("nfa"), "first seen, first palette colour");
        colours.values().forEach(c -> assertTrue(c.matches("#[0-9a-f]{6}"), c));
    }

    @Test
    void manyCategoriesStayDistinctPastThePalette() {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            values.add("method-" + i);
        }
        Map<Object, String> colours = CurveColours.of(values);
        assertEquals(60, new HashSet<>(colours.values()).size());
    }

    @Test
    void numbersFollowARampWhoseLightnessRisesWithTheValue() {
        Map<Object, String> colours = CurveColours.of(List.of(5000, 1000, 60000, 2000, 1000));
        List<Object> ascending = List.of(1000, 2000, 5000, 60000);
        assertEquals(4, new HashSet<>(colours.values()).size());
        for (int i = 1; i < ascending.size(); i++) {
            double lower = luminance(colours.get(ascending.get(i - 1)));
            double higher = luminance(colours.get(ascending.get(i)));
            assertTrue(lower < higher, ascending.get(i - 1) + " " + lower + " vs " + ascending.get(i) + " " + higher);
        }
        assertEquals(CurveColours.viridis(0), colours.get(1000), "the smallest value starts the ramp");
    }

    @Test
    void theRampIsMonotoneInLuminanceEverywhere() {
        double previous = -1;
        for (int i = 0; i <= 100; i++) {
            double l = luminance(CurveColours.viridis(i / 100.0));
            assertTrue(l > previous, "t=" + i / 100.0);
            previous = l;
        }
        assertEquals("#440154", CurveColours.viridis(0));
        assertEquals("#fde725", CurveColours.viridis(1));
    }

    @Test
    void mixedOrMissingValuesAreCategoricalAndMissingIsGrey() {
        Map<Object, String> colours = CurveColours.of(Arrays.asList(1, "one", null, 1));
        assertEquals(CurveColours.MISSING, colours.get(null));
        assertNotEquals(colours.get(1), colours.get("one"));
        assertEquals(CurveColours.CATEGORICAL.get(0), colours.get(1));
        assertEquals(
                CurveColours.viridis(0), CurveColours.of(Arrays.asList(7, null)).get(7), "numbers beside null");
    }

    /** WCAG relative luminance of "#rrggbb" (sRGB linearised), an independent measure of lightness. */
    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = ((rgb >> (16 - 8 * i)) & 0xff) / 255.0;
            c[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
