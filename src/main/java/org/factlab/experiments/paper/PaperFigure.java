package org.factlab.experiments.paper;

import java.util.List;

/**
 * One figure or table of the paper that the lab reproduces: a card of the paper page and an entry of
 * {@code GET /api/paper}.
 *
 * @param id             stable id, e.g. {@code fig4} or {@code table2} (public contract)
 * @param title          "Figure 4", "Table 2"
 * @param caption        the paper's caption in one line
 * @param kind           the experiment kind that reproduces it
 * @param preset         the run preset of that kind
 * @param studyPreset    the study preset that reproduces it over seeds or a sweep, null where none
 * @param cpuSeconds     wall time of one launch on this lab's 2-core CPU as measured (README, bench/README.md), null
 *                       where it is GPU scale only
 * @param gpuScale       true where the paper's own setting needs a GPU-sized machine
 * @param launchesStudy  true where the card's button launches the study preset rather than the run preset
 * @param values         the paper's printed values (references filled in from the preset where declared null)
 * @param reason         one paragraph: why the lab's result differs from the paper's, or what to look at
 */
public record PaperFigure(
        String id,
        String title,
        String caption,
        String kind,
        String preset,
        String studyPreset,
        Double cpuSeconds,
        boolean gpuScale,
        boolean launchesStudy,
        List<PaperRow> values,
        String reason) {

    public PaperFigure {
        values = List.copyOf(values);
    }
}
