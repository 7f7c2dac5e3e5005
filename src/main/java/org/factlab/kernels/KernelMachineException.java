package org.factlab.kernels;

/**
 * A kernel machine or RFM iteration cannot continue: the kernel system is singular, or the feature
 * matrix became zero or non-finite. The message says what happened and what to change.
 */
public class KernelMachineException extends ArithmeticException {
    public KernelMachineException(String message) {
        super(message);
    }
}
