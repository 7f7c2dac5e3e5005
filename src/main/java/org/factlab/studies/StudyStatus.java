package org.factlab.studies;

/**
 * A study's status, derived from its runs: RUNNING while any run is queued or running; then CANCELLED when the
 * study was cancelled, SUCCEEDED when every run succeeded, PARTIAL otherwise (some run failed, diverged, was
 * cancelled on its own or interrupted).
 */
public enum StudyStatus {
    RUNNING,
    SUCCEEDED,
    PARTIAL,
    CANCELLED
}
