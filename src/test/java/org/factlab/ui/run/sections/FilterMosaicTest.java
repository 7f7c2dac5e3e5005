package org.factlab.ui.run.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.factlab.experiments.sections.FiltersSection;
import org.factlab.runs.MatrixSnapshot;
import org.junit.jupiter.api.Test;

/**
 * The filters of a convolution drawn as small images: every recorded value lands in its filter's and channel's q×q
 * tile at its (dy, dx), and every other cell of the picture is blank.
 */
class FilterMosaicTest {

    private static final FiltersSection SECTION =
            new FiltersSection("filters", "Filters", "", "layer1/filters", "layer1/WtW", null);

    @Test
    void threeFiltersOfTwoChannelsAreTilesInAGridWithBlankLinesBetween() {
        int k = 3;
        int c = 2;
        int q = 2;
        float[] values = new float[k * c * q * q];
        for (int i = 0; i < values.length; i++) {
            values[i] = i + 1;
        }
        MatrixSnapshot filters = new MatrixSnapshot("layer1/filters", 7, k * c, q * q, 1, values.length, values);
        MatrixSnapshot wtw =
                new MatrixSnapshot("layer1/WtW", 7, c * q * q, c * q * q, 0, 1, new float[c * q * q * c * q * q]);

        List<MatrixSnapshot> shown = FilterMosaic.arrange(SECTION, List.of(wtw, filters));

        assertEquals(1, shown.size(), "the mosaic only: WᵀW is drawn by the matrices section");
        MatrixSnapshot mosaic = shown.get(0);
        assertEquals(7, mosaic.step());
        int across = 2;
        int blockWidth = c * q + c - 1;
        assertEquals(2 * q + 1, mosaic.rows(), "two rows of filters, a blank line between");
        assertEquals(across * blockWidth + 2, mosaic.cols(), "two filters across, two blank columns between");
        int filled = 0;
        for (int j = 0; j < k; j++) {
            for (int ch = 0; ch < c; ch++) {
                for (int dy = 0; dy < q; dy++) {
                    for (int dx = 0; dx < q; dx++) {
                        int row = j / across * (q + 1) + dy;
                        int col = j % across * (blockWidth + 2) + ch * (q + 1) + dx;
                        float expected = values[((j * c + ch) * q + dy) * q + dx];
                        assertEquals(
                                expected,
                                mosaic.data()[row * mosaic.cols() + col],
                                "filter " + j + ", channel " + ch + ", (" + dy + ", " + dx + ")");
                        filled++;
                    }
                }
            }
        }
        long blank = 0;
        for (float v : mosaic.data()) {
            blank += Float.isNaN(v) ? 1 : 0;
        }
        assertEquals(mosaic.data().length - filled, blank, "everything else is blank");
    }

    @Test
    void withoutTheReferenceEveryRowIsOneFilter() {
        MatrixSnapshot filters = new MatrixSnapshot("layer1/filters", 1, 4, 9, 0, 1, new float[36]);
        MatrixSnapshot mosaic = FilterMosaic.arrange(SECTION, List.of(filters)).get(0);
        assertEquals(3 + 1 + 3, mosaic.rows(), "four 3×3 filters, two by two");
        assertEquals(3 + 1 + 3, mosaic.cols());
        assertTrue(FilterMosaic.arrange(SECTION, List.of()).isEmpty(), "nothing to draw before the filters");
    }
}
