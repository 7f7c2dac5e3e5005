package org.factlab.experiments;

/**
 * Thrown when a run stops before its end for a reason that is nobody's error (e.g. a followed training run that sent
 * nothing for its idle timeout); the run ends INTERRUPTED with everything it recorded and may be resumed.
 */
public class RunInterruptedException extends RuntimeException {
    public RunInterruptedException(String message) {
        super(message);
    }
}
