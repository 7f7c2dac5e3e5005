package org.factlab.math;

/**
 * The BLAS/LAPACK library native linear algebra runs on, as it describes itself.
 *
 * @param library     e.g. {@code OpenBLAS}
 * @param version     e.g. {@code 0.3.31}
 * @param kernels     the kernel set in use, as OpenBLAS names it ({@code openblas_get_corename}), e.g.
 *                    {@code SkylakeX}, {@code Cooperlake}, {@code Haswell}, {@code Zen}; "unknown" if it cannot be read
 * @param config      OpenBLAS's build configuration line ({@code openblas_get_config})
 * @param coretype    the {@code OPENBLAS_CORETYPE} the server was started with (a user's choice of kernel set), or
 *                    null when it was not set and OpenBLAS chose by itself
 */
public record BlasLibrary(String library, String version, String kernels, String config, String coretype) {}
