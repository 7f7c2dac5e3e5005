package org.factlab.ui.run.sections;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.factlab.experiments.sections.FiltersSection;
import org.factlab.runs.MatrixSnapshot;

/**
 * Lays out a {@link FiltersSection}'s filters as one picture of small images: filter j's window on channel ch (row
 * j·c + ch of the recorded (k·c) × q² matrix) as a q×q tile, a filter's c tiles side by side, the filters in a grid of
 * ⌈√k⌉ columns; blank (NaN) lines between tiles, two between filters of several channels. q is √(columns); the
 * channels c are the side of the reference WᵀW (cq²) over q², or 1 without it.
 */
final class FilterMosaic {

    private FilterMosaic() {}

    /** The step's snapshots: the filters' mosaic (same name and step), the reference left out. */
    static List<MatrixSnapshot> arrange(FiltersSection section, List<MatrixSnapshot> snapshots) {
        Optional<MatrixSnapshot> filters = snapshots.stream()
                .filter(m -> m.name().equals(section.matrix()))
                .findFirst();
        Optional<MatrixSnapshot> reference = snapshots.stream()
                .filter(m -> m.name().equals(section.reference()))
                .findFirst();
        return filters.map(f ->
                        List.of(mosaic(f, reference.map(MatrixSnapshot::rows).orElse(0))))
                .orElse(List.of());
    }

    /** The mosaic of a (k·c) × q² filter matrix; {@code referenceSide} = cq² (0 or a non-multiple: c = 1). */
    static MatrixSnapshot mosaic(MatrixSnapshot filters, int referenceSide) {
        int q = (int) Math.round(Math.sqrt(filters.cols()));
        if (q * q != filters.cols()) {
            return filters;
        }
        int tile = q * q;
        int c = referenceSide > 0 && referenceSide % tile == 0 && filters.rows() % (referenceSide / tile) == 0
                ? referenceSide / tile
                : 1;
        int k = filters.rows() / c;
        int across = (int) Math.ceil(Math.sqrt(k));
        int down = (k + across - 1) / across;
        int gap = c > 1 ? 2 : 1;
        int blockWidth = c * q + c - 1;
        int cols = across * blockWidth + (across - 1) * gap;
        int rows = down * q + down - 1;
        float[] data = new float[rows * cols];
        Arrays.fill(data, Float.NaN);
        for (int j = 0; j < k; j++) {
            int top = j / across * (q + 1);
            int left = j % across * (blockWidth + gap);
            for (int ch = 0; ch < c; ch++) {
                int source = (j * c + ch) * tile;
                for (int dy = 0; dy < q; dy++) {
                    System.arraycopy(filters.data(), source + dy * q, data, (top + dy) * cols + left + ch * (q + 1), q);
                }
            }
        }
        return new MatrixSnapshot(filters.name(), filters.step(), rows, cols, filters.min(), filters.max(), data);
    }
}
