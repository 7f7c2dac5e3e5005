package org.factlab.experiments;

/**
 * What ND4J computes on, as reported by the loaded backend.
 *
 * @param backend           {@code CPU} or {@code CUDA}
 * @param library           {@code nd4j-native} or {@code nd4j-cuda-11.6}
 * @param device            CPU model or GPU name
 * @param deviceMemoryBytes total memory of the device (host RAM available to ND4J on CPU)
 * @param freeMemoryBytes   free memory of the device right now
 * @param computeCapability CUDA compute capability, e.g. {@code 9.0}; null on CPU
 * @param cpuOptimization   instruction set the native CPU library was built for (AVX512, AVX/AVX2, Generic x86);
 *                          null on CUDA
 * @param cpuSupports       best instruction set this CPU supports among those; null on CUDA
 * @param blasVendor        e.g. {@code OPENBLAS}, {@code CUBLAS}
 * @param threads           BLAS / OpenMP threads
 */
public record ComputeBackendInfo(
        String backend,
        String library,
        String device,
        long deviceMemoryBytes,
        long freeMemoryBytes,
        String computeCapability,
        String cpuOptimization,
        String cpuSupports,
        String blasVendor,
        int threads) {

    /**
     * One line for run records, e.g. {@code CPU (nd4j-native, Generic x86 build on a AVX512 CPU, …)} or {@code GPU
     * NVIDIA H200 (nd4j-cuda-11.6, cc 9.0)}.
     */
    public String summary() {
        if ("CUDA".equals(backend)) {
            return "GPU " + device + " (" + library + ", cc " + computeCapability + ", "
                    + Math.round(deviceMemoryBytes / 1073741824.0) + " GiB)";
        }
        return "CPU (" + library + ", " + cpuOptimization + " build on a " + cpuSupports + " CPU, " + blasVendor + " "
                + threads + " threads; " + device + ")";
    }
}
