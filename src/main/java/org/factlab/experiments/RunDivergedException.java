package org.factlab.experiments;

/** Thrown when a run's numbers become NaN or infinite; the run ends DIVERGED with what it recorded. */
public class RunDivergedException extends RuntimeException {
    public RunDivergedException(String message) {
        super(message);
    }
}
