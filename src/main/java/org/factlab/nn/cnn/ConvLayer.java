package org.factlab.nn.cnn;

/**
 * One convolution of a {@link CnnArchitecture}: {@code filters} filters of q×q windows ({@code kernel} = q) moved by
 * {@code stride} over the input zero-padded by {@code padding} on every side, then the activation σ, then, with
 * {@code pool}, 2×2 max-pooling of stride 2 (PyTorch's {@code MaxPool2d(2)}: an odd last row or column is dropped).
 */
public record ConvLayer(int filters, int kernel, int stride, int padding, boolean pool) {

    public ConvLayer {
        if (filters < 1 || kernel < 1 || stride < 1 || padding < 0 || padding >= kernel) {
            throw new IllegalArgumentException(
                    "need filters, kernel, stride ≥ 1 and 0 ≤ padding < kernel, got " + this);
        }
    }

    /** Output side of the convolution on an input side of {@code in}: ⌊(in + 2·padding − kernel)/stride⌋ + 1. */
    int convolvedSide(int in) {
        return Math.floorDiv(in + 2 * padding - kernel, stride) + 1;
    }

    /** Output side after the optional pooling (less than 1 when the input is too small). */
    public int outputSide(int in) {
        int side = convolvedSide(in);
        return pool ? side / 2 : side;
    }
}
