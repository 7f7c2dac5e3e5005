package org.factlab.runs;

/** One recorded value of a series at a step. */
public record MetricPoint(String series, long step, double value) {
}
