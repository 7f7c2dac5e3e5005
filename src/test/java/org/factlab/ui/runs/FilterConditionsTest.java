package org.factlab.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factlab.experiments.SpecValidationException;
import org.factlab.runs.RunFilter;
import org.junit.jupiter.api.Test;

/** The runs grid's one-line spec and summary conditions, read into the API's filter parameters and written back. */
class FilterConditionsTest {

    @Test
    void readsSpecValuesAndSummaryBounds() {
        assertEquals(
                Map.of(
                        "spec.n",
                        List.of("500"),
                        "summary.test/accuracy.min",
                        List.of("0.99"),
                        "summary.loss.max",
                        List.of("1e-3")),
                FilterConditions.params("  n=500 test/accuracy >= 0.99   loss<=1e-3 "));
        assertEquals(Map.of(), FilterConditions.params(""));
    }

    @Test
    void refusesWhatIsNoCondition() {
        SpecValidationException e =
                assertThrows(SpecValidationException.class, () -> FilterConditions.params("n=500 accuracy high"));
        assertEquals("conditions", e.errors().get(0).field());
        assertEquals(
                "'accuracy' is not a condition; write field=value, key>=number or key<=number",
                e.errors().get(0).message());
    }

    @Test
    void writesAFilterBackAsItReadsIt() {
        RunFilter filter = RunFilter.parse(
                Map.of("spec.n", List.of("500"), "summary.test/accuracy.min", List.of("0.990")), Set.of("n"));
        assertEquals("n=500 test/accuracy>=0.99", FilterConditions.text(filter));
        assertEquals(filter, RunFilter.parse(FilterConditions.params(FilterConditions.text(filter)), Set.of("n")));
    }
}
