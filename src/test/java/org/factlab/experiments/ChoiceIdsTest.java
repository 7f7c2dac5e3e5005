package org.factlab.experiments;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The allowed values of every choice field of every kind, written out: they are JSON values of the public API and of
 * stored specs, and enum ids derive from constant names, so a renamed constant fails here. A new choice field of these
 * kinds belongs in the list too.
 */
class ChoiceIdsTest {

    private static final List<String> UPDATES = List.of("kernel", "nfa", "fact", "fact-geometric");
    private static final List<String> NORMALIZATIONS = List.of("none", "max", "trace", "fro");

    @Test
    void everyKindsChoicesAreTheReleasedValues() {
        Map<String, List<String>> expected = new TreeMap<>(Map.ofEntries(
                entry("mlp/dataset", List.of("mnist", "fashion-mnist", "cifar10", "gaussian-linear")),
                entry("mlp/activation", List.of("relu", "tanh", "identity")),
                entry("mlp/optimizer", List.of("sgd", "adam")),
                entry("mlp/lrSchedule", List.of("constant", "cosine")),
                entry("mlp/loss", List.of("mse", "cross-entropy")),
                entry("inspect/loss", List.of("mse", "cross-entropy")),
                entry("inspect/activation", List.of("file", "relu", "tanh", "identity")),
                entry("inspect/subset", List.of("training", "stratified")),
                entry("follow/source", List.of("client", "demo")),
                entry("follow/subset", List.of("training", "stratified")),
                entry("follow/loss", List.of("mse", "cross-entropy")),
                entry("follow/activation", List.of("relu", "tanh", "identity")),
                entry("cnn/dataset", List.of("mnist", "fashion-mnist", "cifar10")),
                entry("cnn/activation", List.of("relu", "tanh", "identity")),
                entry("cnn/loss", List.of("mse", "cross-entropy")),
                entry("cnn/lrSchedule", List.of("constant", "cosine")),
                entry("quadratic/lrSchedule", List.of("constant", "cosine")),
                entry("parity/method", UPDATES),
                entry("parity/kernel", List.of("laplace", "gaussian", "exp-inner-product")),
                entry("parity/normalize", NORMALIZATIONS),
                entry("parity/precision", List.of("float64", "float32")),
                entry("modular/method", UPDATES),
                entry("modular/kernel", List.of("laplace", "gaussian", "exp-inner-product")),
                entry("modular/normalize", NORMALIZATIONS),
                entry("modular/precision", List.of("float64", "float32")),
                entry("modular/operation", List.of("add", "sub", "mul", "div")),
                entry("tabular/methods", UPDATES),
                entry("tabular/normalize", NORMALIZATIONS),
                entry("tabular/standardize", List.of("train", "none")),
                entry("tabular/protocol", List.of("nested", "benchmark"))));
        Map<String, List<String>> actual = new TreeMap<>();
        for (ExperimentKind<?> kind : ExperimentKinds.all()) {
            SpecCodec.fields(kind).stream()
                    .filter(f -> !f.choices().isEmpty())
                    .forEach(f -> actual.put(kind.id() + "/" + f.name(), f.choices()));
        }
        List<String> released = List.of("mlp", "quadratic", "parity", "modular", "tabular", "inspect", "follow", "cnn");
        actual.keySet().removeIf(k -> !released.contains(k.substring(0, k.indexOf('/'))));
        assertEquals(expected, actual);
    }
}
