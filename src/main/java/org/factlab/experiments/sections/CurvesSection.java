package org.factlab.experiments.sections;

import java.util.List;
import java.util.Optional;

/** A grid of line charts, each with its declared series, labels and axes; charts without data are hidden. */
public record CurvesSection(String id, String title, String description, List<Chart> charts) implements Section {

    public CurvesSection {
        charts = List.copyOf(charts);
    }

    @Override
    public List<Declared> declared() {
        return charts.stream()
                .flatMap(c -> c.curves().stream())
                .map(c -> new Declared(c.series(), Declared.Source.SERIES, c.onlyWhen()))
                .toList();
    }

    @Override
    public Optional<Axis> valueAxis(String series) {
        return Chart.axisOf(charts, series);
    }
}
