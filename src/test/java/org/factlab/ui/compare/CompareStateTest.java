package org.factlab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The comparison's URL round trip, with its log scale, and the query of a chart's figure download. */
class CompareStateTest {

    @Test
    void theUrlRoundTrips() {
        CompareState state = new CompareState(
                List.of("abc", "def", "ghi"),
                List.of("test/accuracy", "layer1/fact/pearson"),
                "n,method",
                "n",
                "M",
                5L,
                true);
        String location = state.location();
        assertTrue(location.startsWith("compare?"), location);
        for (String part : List.of(
                "runs=abc%2Cdef%2Cghi",
                "series=test%2Faccuracy%2Clayer1%2Ffact%2Fpearson",
                "groupBy=n%2Cmethod",
                "colour=n",
                "matrix=M",
                "step=5",
                "log=true")) {
            assertTrue(location.contains(part), location + " lacks " + part);
        }
        CompareState back = CompareState.from(QueryParameters.fromString(location.substring("compare?".length())));
        assertEquals(state, back);

        CompareState minimal = CompareState.of(List.of("abc"));
        assertEquals(
                Set.of("runs=abc", "groupBy=spec"),
                Set.of(minimal.location().substring(8).split("&")));
        assertEquals(minimal, CompareState.from(QueryParameters.fromString("runs=abc")), "groupBy defaults to spec");
        assertEquals(
                null,
                CompareState.from(QueryParameters.fromString("runs=a&step=x")).step(),
                "a bad step is ignored");
        assertEquals(false, minimal.log(), "linear unless log=true");
        String figure = state.figureQuery("layer1/fact/pearson");
        assertTrue(
                figure.contains("series=layer1%2Ffact%2Fpearson")
                        && figure.contains("log=true")
                        && figure.contains("colour=n")
                        && !figure.contains("matrix"),
                figure);
    }
}
