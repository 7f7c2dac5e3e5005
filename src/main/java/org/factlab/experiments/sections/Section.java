package org.factlab.experiments.sections;

import java.util.List;
import java.util.Optional;

/**
 * One part of a run page, declared by the run's kind ({@code ExperimentKind.sections()}); the page has one renderer
 * per type ({@code ui.run.sections.SectionPanels}, which refuses a type it has no renderer for) and shows a section
 * only when the run has data for it. Pure data: titles, series, labels, axes. The types: {@link KeyNumbersSection},
 * {@link CurvesSection}, {@link LayerAlignmentSection}, {@link MatricesSection}, {@link FiltersSection},
 * {@link ScatterFitSection}, {@link ResultsTableSection}.
 */
public interface Section {

    /** Unique within a kind; element ids on the page derive from it. */
    String id();

    String title();

    /** Every series, matrix and summary key the section reads (a test checks the kind's quick run records them). */
    List<Declared> declared();

    /** The y axis this section charts {@code series} on; empty when it draws no chart of it (the default). */
    default Optional<Axis> valueAxis(String series) {
        return Optional.empty();
    }

    /**
     * True for series this section shows, so that the page's catch-all panel of undeclared series leaves them out;
     * by default the declared names (a key number's series too: its single value is in the table, not a chart).
     */
    default boolean claims(String series) {
        return declared().stream().anyMatch(d -> d.source() != Declared.Source.MATRIX && d.matches(series));
    }
}
