package org.factlab.experiments.paper;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.sections.Chart;
import org.factlab.experiments.sections.Curve;
import org.factlab.experiments.sections.CurvesSection;
import org.factlab.experiments.sections.KeyNumbersSection;
import org.factlab.experiments.sections.LayerAlignmentSection;
import org.factlab.experiments.sections.Section;
import org.factlab.experiments.sections.SeriesPattern;

/**
 * The one label of a series, summary or matrix key for every page and figure, as Unicode text (never a key, never
 * TeX source): the kind's paper notation ({@code ExperimentKind.seriesLabel}), else the label its run page declares
 * for the key (a key number, a curve, a per-layer chart), else the paper's notation of a similarity at any layer,
 * else the key in words ("test/accuracy" → "Test accuracy").
 * CSV headers and the API keep the keys.
 */
public final class SeriesLabels {

    private static final Pattern LAYER_PREFIX = Pattern.compile("layer([1-9][0-9]*)/(.+)");
    private static final Pattern WORD_BREAK = Pattern.compile("[/_]+");

    private SeriesLabels() {}

    /** The full label, e.g. "Pearson correlation of FACT with W₁ᵀW₁", "Mean test accuracy, NFA-RFM". */
    public static String label(Optional<? extends ExperimentKind<?>> kind, String key) {
        return kind.<String>map(k -> label(k, key)).orElseGet(() -> words(key));
    }

    public static String label(ExperimentKind<?> kind, String key) {
        String paper = kind.seriesLabel(key);
        if (paper != null && !paper.equals(key)) {
            return TexText.of(paper);
        }
        for (Section section : kind.sections()) {
            String declared = declared(section, key);
            if (declared != null) {
                return TexText.of(declared);
            }
        }
        String similarity = PaperNotation.label(key);
        return similarity.equals(key) ? words(key) : TexText.of(similarity);
    }

    /** A legend entry: the short form where the kind has one ("√AGOP"), else the full label. */
    public static String legend(Optional<? extends ExperimentKind<?>> kind, String key) {
        String shortForm = kind.map(k -> k.curveLabel(key)).orElse(key);
        return shortForm != null && !shortForm.equals(key) ? TexText.of(shortForm) : label(kind, key);
    }

    /** A stored matrix: "WᵀW, layer 1", "√AGOP". */
    public static String matrix(String name) {
        return TexText.of(PaperNotation.matrix(name));
    }

    /** A key in words, "layer2/grad_norm" → "Grad norm, layer 2"; keys stay the contract, this is only for reading. */
    public static String words(String key) {
        Matcher layer = LAYER_PREFIX.matcher(key);
        String rest = layer.matches() ? layer.group(2) : key;
        String text = WORD_BREAK.matcher(rest).replaceAll(" ").trim();
        text = text.isEmpty() ? key : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
        return layer.matches() ? text + ", layer " + layer.group(1) : text;
    }

    private static String declared(Section section, String key) {
        if (section instanceof KeyNumbersSection numbers) {
            for (KeyNumbersSection.KeyNumber n : numbers.numbers()) {
                if (SeriesPattern.matches(n.key(), key)) {
                    return keyNumber(n, key);
                }
            }
        } else if (section instanceof CurvesSection curves) {
            return inCharts(curves.charts(), key);
        } else if (section instanceof LayerAlignmentSection alignment) {
            for (LayerAlignmentSection.LayerChart c : alignment.layerCharts()) {
                if (!c.perMethod() && SeriesPattern.matches(c.pattern(), key)) {
                    return c.title() + ", layer " + SeriesPattern.part(c.pattern(), "layer", key);
                }
            }
            return inCharts(alignment.charts(), key);
        }
        return null;
    }

    /** A curve's label, with its chart's title where the label alone is a symbol ("L" in "Loss L and …"). */
    private static String inCharts(java.util.List<Chart> charts, String key) {
        for (Chart chart : charts) {
            for (Curve curve : chart.curves()) {
                if (curve.series().equals(key) && curve.label() != null) {
                    return chart.curves().size() == 1
                            ? chart.title()
                            : curve.label().length() <= 3 ? words(key) + " " + curve.label() : curve.label();
                }
            }
        }
        return null;
    }

    /** A key number's label with its pattern's placeholders ("{method}") written from the key it matches. */
    public static String keyNumber(KeyNumbersSection.KeyNumber number, String key) {
        Matcher m = Pattern.compile("\\{([a-zA-Z]+)}").matcher(number.label());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String part = number.key().contains(m.group()) ? SeriesPattern.part(number.key(), m.group(1), key) : null;
            m.appendReplacement(out, Matcher.quoteReplacement(part == null ? m.group() : part));
        }
        return TexText.of(m.appendTail(out).toString());
    }
}
