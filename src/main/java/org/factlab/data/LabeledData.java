package org.factlab.data;

/**
 * n labelled examples: features row-major float32 n×d, labels in 0..classes-1.
 *
 * @param features n×d values, row i at offset i·d
 * @param labels   n class indices in 0..classes-1
 * @param n        number of examples (≥ 1)
 * @param d        number of features per example (≥ 1)
 * @param classes  number of classes (≥ 1)
 */
public record LabeledData(float[] features, int[] labels, int n, int d, int classes) {

    public LabeledData {
        if (n < 1 || d < 1 || classes < 1) {
            throw new IllegalArgumentException("LabeledData needs n ≥ 1, d ≥ 1, classes ≥ 1; got n = " + n + ", d = "
                    + d + ", classes = " + classes);
        }
        if (features == null || (long) features.length != (long) n * d) {
            throw new IllegalArgumentException("LabeledData features must hold n·d = " + (long) n * d + " values; got "
                    + (features == null ? "null" : features.length));
        }
        if (labels == null || labels.length != n) {
            throw new IllegalArgumentException("LabeledData labels must hold n = " + n + " values; got "
                    + (labels == null ? "null" : labels.length));
        }
        checkLabels(labels, classes);
    }

    /** How many examples carry each label: an array of length {@code classes}. */
    public int[] classCounts() {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** Throws unless every label lies in 0..classes-1; the message names the first bad position. */
    static void checkLabels(int[] labels, int classes) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(
                        "label " + i + " is " + labels[i] + "; labels must be in 0.." + (classes - 1));
            }
        }
    }
}
