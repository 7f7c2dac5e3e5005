package org.factlab.experiments.sweep;

import java.util.Map;

/**
 * A value printed in the paper for one summary key at the settings that match {@code setting} (every entry
 * equal to the setting's value of that axis, compared as text so that 1000 matches 1000L).
 */
public record PaperValue(Map<String, Object> setting, String key, double value) {

    public PaperValue {
        setting = Map.copyOf(setting);
    }

    public boolean matches(Map<String, Object> candidate) {
        return setting.entrySet().stream()
                .allMatch(e -> candidate.containsKey(e.getKey())
                        && String.valueOf(candidate.get(e.getKey())).equals(String.valueOf(e.getValue())));
    }
}
