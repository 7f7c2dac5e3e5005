package org.factlab.experiments;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.factlab.experiments.modular.ModularKind;
import org.factlab.experiments.parity.ParityKind;
import org.factlab.experiments.parity.ParitySpec;
import org.factlab.kernels.FeatureUpdate;
import org.factlab.kernels.Normalization;
import org.junit.jupiter.api.Test;

/** Choice enums, nested records and presets as overrides: the JSON form stays the flat object of strings. */
class SpecCodecTypedTest {

    private final ParityKind parity = new ParityKind();

    /** A parity spec as the API stored it before specs were typed (fig5-k3). */
    private static final Map<String, Object> STORED = Map.ofEntries(
            entry("method", "fact-geometric"),
            entry("kernel", "gaussian"),
            entry("bandwidth", 5.0),
            entry("reg", 0.0),
            entry("iterations", 5),
            entry("agopPower", 0.5),
            entry("center", false),
            entry("normalize", "trace"),
            entry("diagonal", false),
            entry("precision", "float64"),
            entry("seed", 0),
            entry("d", 50),
            entry("k", 3),
            entry("n", 5000),
            entry("nTest", 1000),
            entry("support", ""));

    @Test
    void enumFieldsArePublishedAsChoicesOfTheirIds() {
        Map<String, FieldInfo> fields = new java.util.LinkedHashMap<>();
        SpecCodec.fields(parity).forEach(f -> fields.put(f.name(), f));
        assertEquals(
                List.copyOf(STORED.keySet()).stream().sorted().toList(),
                fields.keySet().stream().sorted().toList(),
                "the nested record's fields stand in its place");
        assertEquals(
                List.of("method", "kernel", "bandwidth"),
                List.copyOf(fields.keySet()).subList(0, 3));
        FieldInfo method = fields.get("method");
        assertEquals("choice", method.type());
        assertEquals(List.of("kernel", "nfa", "fact", "fact-geometric"), method.choices());
        assertEquals("fact-geometric", method.defaultValue(), "the default as its id");
        assertEquals(
                List.of("none", "max", "trace", "fro"), fields.get("normalize").choices());
        assertEquals(
                List.of("add", "sub", "mul", "div"),
                SpecCodec.fields(new ModularKind()).stream()
                        .filter(f -> f.name().equals("operation"))
                        .findFirst()
                        .orElseThrow()
                        .choices());
    }

    @Test
    void storedSpecsParseAndWriteBackTheSameJson() {
        ParitySpec spec = SpecCodec.bind(parity, STORED, null);
        assertEquals(FeatureUpdate.FACT_GEOMETRIC, spec.rfm().method());
        assertEquals(Normalization.TRACE, spec.rfm().normalize());
        assertEquals(STORED.keySet(), SpecCodec.toMap(spec).keySet());
        assertEquals("trace", SpecCodec.toMap(spec).get("normalize"));
        assertFalse(SpecCodec.toMap(spec).containsKey("rfm"));
        assertEquals(
                spec,
                parity.presets().stream()
                        .filter(p -> p.id().equals("fig5-k3"))
                        .findFirst()
                        .orElseThrow()
                        .spec(),
                "the preset written as overrides is the spec it was");
    }

    @Test
    void aWrongChoiceNamesTheFieldAndTheIds() {
        SpecValidationException e = assertThrows(
                SpecValidationException.class,
                () -> SpecCodec.bind(parity, null, Map.of("method", "svm", "normalize", 3)));
        assertEquals(
                List.of("method", "normalize"),
                e.errors().stream().map(FieldError::field).toList());
        assertTrue(
                e.errors()
                        .get(0)
                        .message()
                        .contains("'svm' is not allowed; allowed: one of kernel, nfa, fact, " + "fact-geometric"),
                e.getMessage());
        assertTrue(e.errors().get(1).message().contains("must be text"), e.getMessage());
    }

    @Test
    void overridesAreValidatedAndTypedOrTextual() {
        ParitySpec defaults = parity.defaultSpec();
        assertEquals(
                SpecCodec.override(defaults, Map.of("method", "nfa", "k", 3)),
                SpecCodec.override(defaults, Map.of("method", FeatureUpdate.NFA, "k", 3)));
        assertEquals(defaults, SpecCodec.override(defaults, Map.of()));
        SpecValidationException range = assertThrows(
                SpecValidationException.class, () -> SpecCodec.override(defaults, Map.of("bandwidth", -1)));
        assertEquals("bandwidth", range.errors().get(0).field());
        SpecValidationException cross =
                assertThrows(SpecValidationException.class, () -> SpecCodec.override(defaults, Map.of("k", 60)));
        assertEquals("k", cross.errors().get(0).field(), "the spec's own checks run too");
        SpecValidationException unknown = assertThrows(
                SpecValidationException.class, () -> SpecCodec.override(defaults, Map.of("rfm", Map.of())));
        assertEquals("rfm", unknown.errors().get(0).field(), "the nesting is not a JSON key");
    }

    @Test
    void buildNeedsEveryField() {
        Map<String, Object> missing = new java.util.HashMap<>(STORED);
        missing.remove("kernel");
        SpecValidationException e =
                assertThrows(SpecValidationException.class, () -> SpecCodec.build(ParitySpec.class, missing));
        assertEquals("kernel", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().startsWith("is required"), e.getMessage());
        assertEquals(SpecCodec.bind(parity, STORED, null), SpecCodec.build(ParitySpec.class, STORED));
    }
}
