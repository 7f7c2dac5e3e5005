package org.factlab.experiments.sections;

import java.util.List;

/**
 * A scatter of pairs recorded as an n × 2 matrix (x, y per row) with the best proportional fit y ≈ slope·x drawn
 * from the origin, its slope, R² and Pearson correlation read from the summary (Figure 7: τ against k′). The axes
 * include the origin.
 */
public record ScatterFitSection(
        String id,
        String title,
        String description,
        String pairsMatrix,
        Axis x,
        Axis y,
        String slopeKey,
        String r2Key,
        String pearsonKey)
        implements Section {

    @Override
    public List<Declared> declared() {
        return List.of(
                new Declared(pairsMatrix, Declared.Source.MATRIX, null),
                new Declared(slopeKey, Declared.Source.SUMMARY, null),
                new Declared(r2Key, Declared.Source.SUMMARY, null),
                new Declared(pearsonKey, Declared.Source.SUMMARY, null));
    }
}
