package org.factlab.experiments.rfm;

import java.util.List;

/**
 * What a finished RFM run leaves for end-of-run series.
 *
 * @param featureMatrices M_0 … M_T
 * @param testAccuracy    test accuracy of f_0 … f_T
 */
public record RfmHistory(List<double[][]> featureMatrices, double[] testAccuracy) {

    /** The final feature matrix M_T. */
    public double[][] finalFeatureMatrix() {
        return featureMatrices.get(featureMatrices.size() - 1);
    }

    /** The first iteration whose test accuracy is 100%, or −1 if none. */
    public int firstPerfectIteration() {
        for (int t = 0; t < testAccuracy.length; t++) {
            if (testAccuracy[t] == 1.0) {
                return t;
            }
        }
        return -1;
    }
}
