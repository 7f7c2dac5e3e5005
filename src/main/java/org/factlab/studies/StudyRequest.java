package org.factlab.studies;

import java.util.Map;

/**
 * What {@code POST /api/studies} and the launch page ask for. {@code preset} is a study preset id (then
 * {@code kind} may be omitted, and {@code spec}, {@code sweep} and {@code seeds} refine the preset's) or a
 * run preset of {@code kind}. Everything but {@code kind} (or a study preset) is optional; {@code seeds}
 * defaults to the study preset's, else 1.
 */
public record StudyRequest(
        String kind,
        String preset,
        Map<String, Object> spec,
        Map<String, Object> sweep,
        Integer seeds,
        String name,
        String notes) {}
