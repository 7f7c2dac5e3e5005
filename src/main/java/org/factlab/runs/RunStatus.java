package org.factlab.runs;

/** Run lifecycle: QUEUED → RUNNING → SUCCEEDED | FAILED | CANCELLED | DIVERGED; INTERRUPTED after a server stop. */
public enum RunStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    DIVERGED,
    INTERRUPTED;

    public boolean isTerminal() {
        return this != QUEUED && this != RUNNING;
    }
}
