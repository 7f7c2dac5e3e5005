package org.factlab.data.tabular;

import java.util.List;

/**
 * An encoded classification table: features (n × d, nominal attributes one-hot encoded, {@code NaN} where a
 * value is missing) and class labels 0 … c−1.
 *
 * @param name         the dataset's name (its file name without extensions, or its folder's name)
 * @param features     n × d raw feature values
 * @param labels       class index of every row
 * @param featureNames d names ("attribute" or "attribute=category" for one-hot columns)
 * @param classes      c class names, index = label
 */
public record Table(String name, double[][] features, int[] labels, List<String> featureNames, List<String> classes) {

    public Table {
        if (features.length != labels.length) {
            throw new IllegalArgumentException(
                    name + ": " + features.length + " feature rows for " + labels.length + " labels");
        }
        featureNames = List.copyOf(featureNames);
        classes = List.copyOf(classes);
    }

    public int rows() {
        return labels.length;
    }

    public int featureCount() {
        return featureNames.size();
    }

    public int classCount() {
        return classes.size();
    }

    /** The rows at {@code indices}, in that order (the arrays are shared, not copied). */
    public Table subset(int[] indices) {
        double[][] x = new double[indices.length][];
        int[] y = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            x[i] = features[indices[i]];
            y[i] = labels[indices[i]];
        }
        return new Table(name, x, y, featureNames, classes);
    }
}
