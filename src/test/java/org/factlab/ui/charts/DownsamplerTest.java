package org.factlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DownsamplerTest {

    @Test
    void curveThatFitsIsReturnedAsGiven() {
        double[] x = steps(2000);
        double[] y = noise(2000, 1);
        Downsampler.Points points = Downsampler.minMax(x, y, 2000);
        assertSame(x, points.x());
        assertSame(y, points.y());
    }

    @Test
    void neverReturnsMoreThanMaxPoints() {
        for (int n : new int[] {2001, 2002, 3000, 4001, 100_000}) {
            for (int maxPoints : new int[] {4, 5, 7, 2000}) {
                Downsampler.Points points = Downsampler.minMax(steps(n), noise(n, n), maxPoints);
                assertTrue(points.x().length <= maxPoints, n + " points to " + maxPoints);
                assertEquals(points.x().length, points.y().length);
            }
        }
    }

    @Test
    void usesMostOfItsBudget() {
        assertTrue(Downsampler.minMax(steps(3000), noise(3000, 2), 2000).x().length >= 1990);
    }

    @Test
    void keepsFirstAndLastPointAndXOrder() {
        double[] x = steps(10_000);
        Downsampler.Points points = Downsampler.minMax(x, noise(10_000, 3), 100);
        assertEquals(0, points.x()[0]);
        assertEquals(9999, points.x()[points.x().length - 1]);
        for (int i = 1; i < points.x().length; i++) {
            assertTrue(points.x()[i] > points.x()[i - 1]);
        }
    }

    @Test
    void returnedPointsAreSourcePoints() {
        double[] x = steps(5000);
        double[] y = noise(5000, 4);
        Downsampler.Points points = Downsampler.minMax(x, y, 300);
        for (int i = 0; i < points.x().length; i++) {
            assertEquals(y[(int) points.x()[i]], points.y()[i]);
        }
    }

    @Test
    void singleSpikesSurviveInBothDirections() {
        double[] y = new double[100_000];
        Arrays.fill(y, 1.0);
        y[31_337] = 1e6;
        y[77_777] = -1e6;
        Downsampler.Points points = Downsampler.minMax(steps(100_000), y, 200);
        assertContainsPoint(points, 31_337, 1e6);
        assertContainsPoint(points, 77_777, -1e6);
    }

    @Test
    void keepsGlobalExtremesOfNoisyCurve() {
        double[] y = noise(50_000, 5);
        Downsampler.Points points = Downsampler.minMax(steps(50_000), y, 500);
        assertEquals(
                Arrays.stream(y).max().orElseThrow(),
                Arrays.stream(points.y()).max().orElseThrow());
        assertEquals(
                Arrays.stream(y).min().orElseThrow(),
                Arrays.stream(points.y()).min().orElseThrow());
    }

    @Test
    void nonFiniteValuesAreNeverExtremesButGapsStay() {
        double[] y = new double[10_000];
        Arrays.fill(y, 2.0);
        y[10] = Double.NaN;
        y[20] = Double.POSITIVE_INFINITY;
        Arrays.fill(y, 5000, 6000, Double.NaN);
        Downsampler.Points points = Downsampler.minMax(steps(10_000), y, 100);
        for (int i = 0; i < points.x().length; i++) {
            boolean inGap = points.x()[i] >= 5000 && points.x()[i] < 6000;
            assertEquals(inGap, Double.isNaN(points.y()[i]), "point at x = " + points.x()[i]);
        }
        assertTrue(Arrays.stream(points.x()).anyMatch(x -> x >= 5000 && x < 6000), "the gap is kept");
        assertTrue(Arrays.stream(points.y()).noneMatch(v -> v == Double.POSITIVE_INFINITY));
        assertTrue(Arrays.stream(points.x()).noneMatch(v -> v == 10));
    }

    @Test
    void rejectsMismatchedArraysAndTinyBudgets() {
        assertThrows(IllegalArgumentException.class, () -> Downsampler.minMax(new double[3], new double[2], 10));
        assertThrows(IllegalArgumentException.class, () -> Downsampler.minMax(steps(10), new double[10], 3));
    }

    private static void assertContainsPoint(Downsampler.Points points, double x, double y) {
        for (int i = 0; i < points.x().length; i++) {
            if (points.x()[i] == x) {
                assertEquals(y, points.y()[i]);
                return;
            }
        }
        throw new AssertionError("no point at x = " + x + " in " + Arrays.toString(points.x()));
    }

    private static double[] steps(int n) {
        double[] x = new double[n];
        Arrays.setAll(x, i -> i);
        return x;
    }

    private static double[] noise(int n, long seed) {
        Random random = new Random(seed);
        double[] y = new double[n];
        Arrays.setAll(y, i -> random.nextGaussian());
        return y;
    }
}
