package org.factlab.experiments.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of a sweep: the Cartesian product of its axes, in nested-loop order (the first axis varies
 * slowest, the last fastest). Setting i of a stored study is always the same combination, so runs refer to
 * their setting by index.
 */
public final class Settings {

    private Settings() {}

    /** Every combination, each a map axis → value in axis order; an empty sweep has one empty setting. */
    public static List<Map<String, Object>> product(Map<String, List<Object>> axes) {
        List<Map<String, Object>> settings = new ArrayList<>();
        settings.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> axis : axes.entrySet()) {
            List<Map<String, Object>> next =
                    new ArrayList<>(settings.size() * axis.getValue().size());
            for (Map<String, Object> partial : settings) {
                for (Object value : axis.getValue()) {
                    Map<String, Object> setting = new LinkedHashMap<>(partial);
                    setting.put(axis.getKey(), value);
                    next.add(setting);
                }
            }
            settings = next;
        }
        return settings;
    }

    /** Number of settings, saturating at {@link Long#MAX_VALUE} instead of overflowing. */
    public static long count(Map<String, List<Object>> axes) {
        long n = 1;
        for (List<Object> values : axes.values()) {
            n = values.isEmpty() ? 0 : n > Long.MAX_VALUE / values.size() ? Long.MAX_VALUE : n * values.size();
        }
        return n;
    }

    /** "n=1000 · depth=3" (empty for the single setting of an unswept study). */
    public static String label(Map<String, Object> setting) {
        List<String> parts = new ArrayList<>();
        setting.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(" · ", parts);
    }
}
