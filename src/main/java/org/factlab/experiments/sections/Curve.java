package org.factlab.experiments.sections;

/**
 * One line of a chart: a recorded series and its legend entry as the paper writes it; {@code onlyWhen} as in
 * {@link Declared} (null: always recorded).
 */
public record Curve(String series, String label, String onlyWhen) {

    public static Curve of(String series, String label) {
        return new Curve(series, label, null);
    }

    public Curve only(String condition) {
        return new Curve(series, label, condition);
    }
}
