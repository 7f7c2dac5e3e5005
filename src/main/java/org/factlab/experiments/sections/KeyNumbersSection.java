package org.factlab.experiments.sections;

import java.util.List;

/**
 * A table of single values (final accuracy, grokking iteration, τ–k′ slope and R², mean accuracies): one row per
 * summary key, or per key matching a pattern such as {@code mean_test_accuracy/{method}}. Rows without a value yet
 * are left out; the section is hidden while none has one.
 */
public record KeyNumbersSection(String id, String title, List<KeyNumber> numbers) implements Section {

    /** How a value is written. */
    public enum Format {
        PERCENT,
        WHOLE,
        DECIMAL
    }

    /**
     * One row: a summary key (or key pattern), its label as the paper writes it (a pattern's placeholders may appear
     * in it, e.g. "Mean test accuracy, {method}"), its format and, for keys recorded only sometimes, the condition.
     */
    public record KeyNumber(String key, String label, Format format, String onlyWhen) {

        public static KeyNumber of(String key, String label, Format format) {
            return new KeyNumber(key, label, format, null);
        }

        public KeyNumber only(String condition) {
            return new KeyNumber(key, label, format, condition);
        }
    }

    public KeyNumbersSection {
        numbers = List.copyOf(numbers);
    }

    public static KeyNumbersSection of(KeyNumber... numbers) {
        return new KeyNumbersSection("key-numbers", "Key numbers", List.of(numbers));
    }

    @Override
    public List<Declared> declared() {
        return numbers.stream()
                .map(n -> new Declared(n.key(), Declared.Source.SUMMARY, n.onlyWhen()))
                .toList();
    }
}
