package org.factlab.runs;

import java.util.Map;

/** What the {@link LiveBus} carries from a running experiment to open views. */
public sealed interface RunEvent {
    String runId();

    /** Points recorded at one step. */
    record Metrics(String runId, long step, Map<String, Double> values) implements RunEvent {}

    /** A matrix snapshot was stored. */
    record Matrix(String runId, String name, long step) implements RunEvent {}

    record Progress(String runId, long done, long total) implements RunEvent {}

    /** Status changed (queued, started, finished); listeners reload the run row. */
    record Status(String runId, RunStatus status) implements RunEvent {}

    /** Name, notes or tags changed, or the run was deleted; listeners reload the run row (gone when deleted). */
    record Edited(String runId) implements RunEvent {}
}
