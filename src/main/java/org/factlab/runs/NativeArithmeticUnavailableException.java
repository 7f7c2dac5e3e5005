package org.factlab.runs;

/**
 * A run of a kind that uses native linear algebra was refused because the self-check found that library computing
 * wrong numbers on this server (503 through the API, with the failing operations and what to do).
 */
public class NativeArithmeticUnavailableException extends RuntimeException {

    public NativeArithmeticUnavailableException(String message) {
        super(message);
    }
}
