package org.factlab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.router.QueryParameters;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.factlab.runs.Run;
import org.factlab.runs.RunStatus;
import org.junit.jupiter.api.Test;

/** The comparison's URL round trip, its grouping of runs, and the mean ± std band. */
class CompareStateTest {

    @Test
    void theUrlRoundTrips() {
        CompareState state = new CompareState(List.of("abc", "def", "ghi"), List.of("test/accuracy", "layer1/fact/pearson"),
                "n,method", "n", "M", 5L);
        String location = state.location();
        assertTrue(location.startsWith("compare?"), location);
        for (String part : List.of("runs=abc%2Cdef%2Cghi", "series=test%2Faccuracy%2Clayer1%2Ffact%2Fpearson",
                "groupBy=n%2Cmethod", "colour=n", "matrix=M", "step=5")) {
            assertTrue(location.contains(part), location + " lacks " + part);
        }
        CompareState back = CompareState.from(QueryParameters.fromString(location.substring("compare?".length())));
        assertEquals(state, back);

        CompareState minimal = CompareState.of(List.of("abc"));
        assertEquals(Set.of("runs=abc", "groupBy=spec"), Set.of(minimal.location().substring(8).split("&")));
        assertEquals(minimal, CompareState.from(QueryParameters.fromString("runs=abc")), "groupBy defaults to spec");
        assertEquals(null, CompareState.from(QueryParameters.fromString("runs=a&step=x")).step(), "a bad step is ignored");
    }

    @Test
    void runsDifferingOnlyInSeedFormOneGroupColouredByAField() {
        List<Run> runs = List.of(run("a", 1000, 0), run("b", 1000, 1), run("c", 2000, 0), run("d", 500, 0));
        List<CompareGroups.Group> bySpec = CompareGroups.of(runs, CompareState.GROUP_SPEC, "n");
        assertEquals(List.of("n=500", "n=1000 (2 runs)", "n=2000"), bySpec.stream().map(CompareGroups.Group::label).toList());
        assertEquals(List.of("a", "b"), bySpec.get(1).runs().stream().map(Run::id).toList());
        assertEquals(4, CompareGroups.of(runs, CompareState.GROUP_NONE, null).size());
        assertEquals(Set.of("n", "seed"), Set.copyOf(CompareGroups.varyingFields(runs)));
    }

    @Test
    void theBandIsMeanAndSampleStdAtCommonSteps() {
        TreeMap<Long, Double> first = new TreeMap<>(Map.of(0L, 1.0, 1L, 2.0, 2L, 3.0));
        TreeMap<Long, Double> second = new TreeMap<>(Map.of(0L, 3.0, 2L, 5.0));
        CurveBand band = CurveBand.of(List.of(first, second));
        assertArrayEquals(new double[] {0, 2}, band.steps());
        assertArrayEquals(new double[] {2, 4}, band.mean());
        assertArrayEquals(new double[] {Math.sqrt(2), Math.sqrt(2)}, band.std(), 1e-15);
        assertArrayEquals(new double[] {2 + Math.sqrt(2), 4 + Math.sqrt(2)}, band.upper(), 1e-15);
        assertArrayEquals(new double[] {0, 0, 0}, CurveBand.of(List.of(first)).std(), "one run: no band");
    }

    private static Run run(String id, int n, long seed) {
        return new Run(id, "run " + id, "parity", "quick", Map.of("n", n, "seed", seed, "k", 2), seed,
                RunStatus.SUCCEEDED, null, Instant.EPOCH, null, null, null, null, Map.of(), 0, 0, null, List.of(), null);
    }
}
