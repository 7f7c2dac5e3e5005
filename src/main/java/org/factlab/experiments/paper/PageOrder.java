package org.factlab.experiments.paper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.sections.Declared;
import org.factlab.experiments.sections.LayerAlignmentSection;
import org.factlab.experiments.sections.Section;
import org.factlab.experiments.sections.SeriesPattern;

/**
 * Series in the order the run page draws them (the kind's sections in page order, each in its declared order: FACT
 * before AGOP), so that a figure file gives each curve the page's palette colour and legend place; series no section
 * declares follow by name.
 */
public final class PageOrder {

    private PageOrder() {}

    /** {@code series} sorted by where the kind's run page declares them; the input order kept for ties. */
    public static List<String> of(ExperimentKind<?> kind, List<String> series) {
        if (kind == null) {
            return series;
        }
        List<String> patterns = patterns(kind.sections());
        List<String> out = new ArrayList<>(series);
        out.sort(Comparator.comparingInt(name -> rank(patterns, name)));
        return out;
    }

    private static int rank(List<String> patterns, String name) {
        for (int i = 0; i < patterns.size(); i++) {
            if (SeriesPattern.matches(patterns.get(i), name)) {
                return i;
            }
        }
        return patterns.size();
    }

    /** Every declared pattern in page order; a layer-wise chart once per method, at any layer. */
    private static List<String> patterns(List<Section> sections) {
        List<String> out = new ArrayList<>();
        for (Section section : sections) {
            if (section instanceof LayerAlignmentSection alignment) {
                for (LayerAlignmentSection.LayerChart chart : alignment.layerCharts()) {
                    if (chart.perMethod()) {
                        alignment
                                .methods()
                                .forEach(m -> out.add(SeriesPattern.fill(chart.pattern(), Map.of("method", m.id()))));
                    } else {
                        out.add(chart.pattern());
                    }
                }
            }
            section.declared().stream().map(Declared::pattern).forEach(out::add);
        }
        return out;
    }
}
