package org.factlab.experiments.sections;

import java.util.List;

/**
 * A convolution's filters as small images, driven by a step slider: {@code matrix} is recorded as (k·c) × q², row
 * j·c + ch holding filter j's window on channel ch row-major (W's k×cq² entries in their own order), so each row is
 * one q×q image; the channels c are {@code reference}'s side (the same layer's cq² × cq² WᵀW, recorded at the same
 * steps) divided by q².
 */
public record FiltersSection(
        String id, String title, String description, String matrix, String reference, String onlyWhen)
        implements Section {

    @Override
    public List<Declared> declared() {
        return List.of(
                new Declared(matrix, Declared.Source.MATRIX, onlyWhen),
                new Declared(reference, Declared.Source.MATRIX, onlyWhen));
    }
}
