package org.factlab.experiments.sections;

/**
 * One axis of a declared chart: its name and unit, a fixed range (NaN ends follow the data), a logarithmic scale,
 * whole-number ticks (steps, iterations, epochs) and whether the origin must be in view (e.g. a fit through it).
 */
public record Axis(
        String name, String unit, double min, double max, boolean log, boolean wholeNumbers, boolean includeOrigin) {

    public Axis {
        if (name == null || unit == null) {
            throw new IllegalArgumentException("an axis needs a name and a unit (may be empty)");
        }
        if (!Double.isNaN(min) && !Double.isNaN(max) && !(min < max)) {
            throw new IllegalArgumentException("axis " + name + ": min " + min + " must be below max " + max);
        }
    }

    /** A step axis (epoch, iteration, Adam step): whole numbers, following the data. */
    public static Axis steps(String name) {
        return new Axis(name, "", Double.NaN, Double.NaN, false, true, false);
    }

    /** A cosine or Pearson similarity: [−1, 1]. */
    public static Axis similarity(String name) {
        return new Axis(name, "", -1, 1, false, false, false);
    }

    /** A fraction or an accuracy: [0, 1]. */
    public static Axis fraction(String name) {
        return new Axis(name, "", 0, 1, false, false, false);
    }

    /** Positive values over orders of magnitude (losses, gradient norms, relative errors): a log scale. */
    public static Axis logarithmic(String name) {
        return new Axis(name, "", Double.NaN, Double.NaN, true, false, false);
    }

    /** A linear axis following the data. */
    public static Axis linear(String name) {
        return new Axis(name, "", Double.NaN, Double.NaN, false, false, false);
    }

    /** The same axis with a unit, e.g. "s". */
    public Axis withUnit(String newUnit) {
        return new Axis(name, newUnit, min, max, log, wholeNumbers, includeOrigin);
    }

    /** The same axis, its range stretched to include 0. */
    public Axis withOrigin() {
        return new Axis(name, unit, min, max, log, wholeNumbers, true);
    }

    /** "name (unit)", or the name alone. */
    public String title() {
        return unit.isEmpty() ? name : name + " (" + unit + ")";
    }
}
