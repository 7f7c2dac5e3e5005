package org.factlab.experiments.inspect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.factlab.experiments.RecordingRunContext;

/**
 * The files of {@code src/test/resources/inspect/}, written by {@code src/test/python/make_inspect_fixtures.py}: the
 * training table, networks trained with PyTorch, and the float64 values the script computed for them.
 */
final class InspectFixtures {

    /** Relative tolerance of the comparison with the script's float64 values. */
    static final double TOLERANCE = 1e-6;

    private InspectFixtures() {}

    static InputStream open(String name) {
        InputStream in = InspectFixtures.class.getResourceAsStream("/inspect/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource inspect/" + name);
        }
        return in;
    }

    static byte[] bytes(String name) throws IOException {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        }
    }

    static JsonNode reference(String network) throws IOException {
        try (InputStream in = open(network + ".reference.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** Every series of the reference equals the recorded step-0 value within {@link #TOLERANCE} (relative). */
    static void assertMatches(JsonNode reference, RecordingRunContext ctx) {
        int compared = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = reference.get("series").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            double expected = e.getValue().asDouble();
            assertTrue(ctx.series().containsKey(e.getKey()), "recorded " + e.getKey());
            double actual = ctx.series(e.getKey()).get(0L);
            assertTrue(
                    Math.abs(actual - expected) <= TOLERANCE * Math.abs(expected) + 1e-15,
                    e.getKey() + ": " + actual + " vs PyTorch's " + expected);
            compared++;
        }
        assertTrue(compared >= 50, "compared " + compared + " series");
    }

    /** How many entries a folder holds, recursively (0 when it does not exist). */
    static long entries(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (var paths = Files.walk(dir)) {
            return paths.filter(p -> !p.equals(dir) && !Files.isDirectory(p)).count();
        }
    }
}
