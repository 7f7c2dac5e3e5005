package org.factlab.kernels;

/**
 * Settings of a Recursive Feature Machine (Algorithm 1).
 *
 * @param kernel        Laplace or Gaussian on the Mahalanobis distance
 * @param bandwidth     L
 * @param reg           ridge reg = nλ of line 4 (0 interpolates)
 * @param update        line 6: none, NFA, FACT or FACT with geometric averaging
 * @param agopPower     s of the NFA update M ← AGOPˢ
 * @param center        centre each output's gradients over the samples before the AGOP
 * @param normalization rescaling of M after each update
 * @param diagonal      keep M diagonal
 * @param precision     of the n-sized arrays (the d×d algebra is float64)
 */
public record RfmOptions(
        KernelFunction kernel,
        double bandwidth,
        double reg,
        FeatureUpdate update,
        double agopPower,
        boolean center,
        Normalization normalization,
        boolean diagonal,
        Precision precision) {

    public RfmOptions {
        if (!(bandwidth > 0) || !(reg >= 0) || !(agopPower > 0)) {
            throw new IllegalArgumentException("bandwidth and agopPower must be > 0 and reg ≥ 0, got L = " + bandwidth
                    + ", s = " + agopPower + ", reg = " + reg);
        }
    }
}
