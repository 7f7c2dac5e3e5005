package org.factlab.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.factlab.experiments.tabular.TabularKind;
import org.factlab.experiments.tabular.TabularSpec;
import org.junit.jupiter.api.Test;

/** List-valued spec fields: JSON arrays, comma-separated text and single values; each element checked. */
class SpecCodecListTest {

    private final TabularKind kind = new TabularKind();

    @Test
    void arraysAndCommaSeparatedTextGiveTheSameList() {
        TabularSpec fromArray =
                SpecCodec.bind(kind, null, Map.of("datasets", List.of("iris", "wine"), "regs", List.of(10, "0.1")));
        TabularSpec fromText = SpecCodec.bind(kind, null, Map.of("datasets", " iris, wine ", "regs", "10, 0.1"));
        assertEquals(List.of("iris", "wine"), fromArray.datasets());
        assertEquals(List.of(10.0, 0.1), fromArray.regs());
        assertEquals(fromArray, fromText);
        assertEquals(
                List.of(), SpecCodec.bind(kind, null, Map.of("datasets", "")).datasets(), "empty text = all");
        assertEquals(
                List.of(0.5), SpecCodec.bind(kind, null, Map.of("regs", 0.5)).regs());
        assertEquals(fromText, SpecCodec.bind(kind, SpecCodec.toMap(fromText), null), "round trip through the map");
    }

    @Test
    void everyElementIsCheckedAndTheMessageNamesTheField() {
        SpecValidationException choice = assertThrows(
                SpecValidationException.class, () -> SpecCodec.bind(kind, null, Map.of("methods", "nfa, svm")));
        assertEquals("methods", choice.errors().get(0).field());
        assertTrue(
                choice.errors()
                        .get(0)
                        .message()
                        .contains("'svm' is not allowed; allowed: a comma-separated list, "
                                + "each one of kernel, nfa, fact, fact-geometric"),
                choice.getMessage());
        SpecValidationException range = assertThrows(
                SpecValidationException.class, () -> SpecCodec.bind(kind, null, Map.of("regs", List.of(1, -2))));
        assertEquals("regs", range.errors().get(0).field());
        assertTrue(range.errors().get(0).message().contains("number in (0, 1000000]"), range.getMessage());
        SpecValidationException empty =
                assertThrows(SpecValidationException.class, () -> SpecCodec.bind(kind, null, Map.of("methods", "")));
        assertEquals("methods", empty.errors().get(0).field());
    }

    @Test
    void listFieldsArePublishedWithTypeList() {
        FieldInfo methods = SpecCodec.fields(kind).stream()
                .filter(f -> f.name().equals("methods"))
                .findFirst()
                .orElseThrow();
        assertEquals("list", methods.type());
        assertEquals(List.of("kernel", "nfa", "fact", "fact-geometric"), methods.defaultValue());
    }
}
