package org.factlab.experiments.paper;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The charts a run's series form, as the run page groups them: a similarity of one layer per measure and
 * direction ({@code layer1-pearson}, {@code layer1-backward-cosine}), otherwise the part after the last '/'
 * ({@code cosine}, {@code accuracy}), and {@code training} for names without one.
 */
public final class ChartGroups {

    private static final Pattern LAYER = Pattern.compile("layer([1-9][0-9]*)/(backward/)?[^/]+/(pearson|cosine)");
    private static final Set<String> LINEAR = Set.of("cosine", "pearson", "accuracy");

    private ChartGroups() {}

    public static String of(String series) {
        Matcher m = LAYER.matcher(series);
        if (m.matches()) {
            return "layer" + m.group(1) + (m.group(2) == null ? "-" : "-backward-") + m.group(3);
        }
        int slash = series.lastIndexOf('/');
        return slash < 0 ? "training" : series.substring(slash + 1);
    }

    public static Set<String> all(Iterable<String> series) {
        Set<String> groups = new TreeSet<>();
        series.forEach(s -> groups.add(of(s)));
        return groups;
    }

    public static List<String> members(String group, Iterable<String> series) {
        List<String> out = new java.util.ArrayList<>();
        series.forEach(s -> {
            if (of(s).equals(group)) {
                out.add(s);
            }
        });
        return out;
    }

    /** The chart's title as the paper writes it: "Pearson correlation with W₁ᵀW₁"; other groups by name in words. */
    public static String title(String group) {
        String measure = measure(group);
        String title = PaperNotation.chartTitle(measure);
        if (title == null) {
            return SeriesLabels.words(group);
        }
        Matcher m = Pattern.compile("layer([0-9]+)-(backward-)?.*").matcher(group);
        return m.matches()
                ? title.replace(
                        "WᵀW", PaperNotation.neuralFeatureMatrix(Integer.parseInt(m.group(1)), m.group(2) != null))
                : title;
    }

    /** The y axis name: the measure's words for similarities, the group otherwise. */
    public static String yAxis(String group) {
        String title = PaperNotation.chartTitle(measure(group));
        return title == null ? SeriesLabels.words(group) : title.substring(0, title.indexOf(" with "));
    }

    /** As on the page: similarities and accuracies on a linear axis, everything else on a log axis. */
    public static boolean logByDefault(String group) {
        return !LINEAR.contains(measure(group));
    }

    private static String measure(String group) {
        int dash = group.lastIndexOf('-');
        return dash < 0 ? group : group.substring(dash + 1);
    }
}
