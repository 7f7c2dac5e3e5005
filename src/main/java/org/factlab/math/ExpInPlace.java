package org.factlab.math;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * e^x over the first entries of an array, in place: with the JDK's vectorised exponential (the Vector API's
 * {@code EXP}, SVML's ≤ 1-ulp routines on x86, ≈ 1 ns per float64 entry on one core of the development VM) when the
 * JVM runs with {@code --add-modules jdk.incubator.vector} (every launcher of this project passes it), else
 * {@link Math#exp} entry by entry (≈ 5 ns). Both are within 1 ulp of the exact value, so the two paths may differ in
 * the last bit of an entry.
 */
public final class ExpInPlace {

    /** Whether the JVM has the Vector API module, and so the vectorised path. */
    public static final boolean VECTORISED =
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private ExpInPlace() {}

    /**
     * @param values modified: entries [0, length) replaced by their exponentials
     */
    public static void apply(double[] values, int length) {
        if (VECTORISED) {
            Vectorised.apply(values, length);
        } else {
            scalar(values, length);
        }
    }

    /**
     * The path without the module.
     *
     * @param values modified: entries [0, length) replaced by their exponentials
     */
    static void scalar(double[] values, int length) {
        for (int i = 0; i < length; i++) {
            values[i] = Math.exp(values[i]);
        }
    }

    /** Loaded only when the module is present: it links against jdk.incubator.vector. */
    private static final class Vectorised {

        private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;

        private Vectorised() {}

        static void apply(double[] values, int length) {
            int i = 0;
            for (int bound = DOUBLES.loopBound(length); i < bound; i += DOUBLES.length()) {
                DoubleVector.fromArray(DOUBLES, values, i)
                        .lanewise(VectorOperators.EXP)
                        .intoArray(values, i);
            }
            for (; i < length; i++) {
                values[i] = Math.exp(values[i]);
            }
        }
    }
}
