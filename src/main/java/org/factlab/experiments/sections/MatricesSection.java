package org.factlab.experiments.sections;

import java.util.List;

/** Heatmaps of recorded matrices, in the declared order, driven by one step slider. */
public record MatricesSection(String id, String title, String description, List<Matrix> matrices) implements Section {

    /** One recorded matrix, its title as the paper writes it, and the condition when only some runs record it. */
    public record Matrix(String name, String label, String onlyWhen) {

        public static Matrix of(String name, String label) {
            return new Matrix(name, label, null);
        }

        public Matrix only(String condition) {
            return new Matrix(name, label, condition);
        }
    }

    public MatricesSection {
        matrices = List.copyOf(matrices);
    }

    @Override
    public List<Declared> declared() {
        return matrices.stream()
                .map(m -> new Declared(m.name(), Declared.Source.MATRIX, m.onlyWhen()))
                .toList();
    }
}
