package org.factlab.runs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.factlab.experiments.ComputeBackendInfo;
import org.factlab.experiments.ComputeBackendProbe;
import org.factlab.experiments.ExperimentKind;
import org.factlab.experiments.NativeSelfCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Describes what hardware and engine runs execute on: for each run record, in the log and at {@code /api/system}. */
@Component
public class ComputeBackend {

    private static final Logger log = LoggerFactory.getLogger(ComputeBackend.class);

    private final FactlabProperties props;
    private final String versions;

    public ComputeBackend(FactlabProperties props) {
        this.props = props;
        ComputeBackendProbe.useCpuThreads(props.cpuThreads());
        this.versions = "factlab " + props.versions().factlab() + ", nd4j/dl4j "
                + props.versions().dl4j() + ", java " + System.getProperty("java.version");
    }

    /**
     * e.g. {@code CPU (plain Java float64, 1 thread; 2 cores)} or, for ND4J kinds, the probed backend such as
     * {@code CPU (nd4j-native, AVX512, OPENBLAS 2 threads; Intel Xeon …)}.
     */
    public String describe(ExperimentKind.Engine engine) {
        return switch (engine) {
            case PLAIN_JAVA ->
                "CPU (plain Java float64, 1 thread; " + Runtime.getRuntime().availableProcessors() + " cores)";
            case ND4J -> ComputeBackendProbe.describe().summary();
        };
    }

    /**
     * The memory a run of this engine may use: the configured budget, and on a GPU no more than the device's
     * free memory right now.
     */
    public MemoryBudget budgetFor(ExperimentKind.Engine engine) {
        if (engine == ExperimentKind.Engine.ND4J) {
            ComputeBackendInfo info = ComputeBackendProbe.describe();
            if ("CUDA".equals(info.backend()) && info.freeMemoryBytes() < props.memoryBudgetBytes()) {
                return new MemoryBudget(info.freeMemoryBytes(), "free memory of " + info.device());
            }
        }
        return new MemoryBudget(props.memoryBudgetBytes(), "factlab.memory-budget-bytes");
    }

    /** A limit in bytes and where it comes from, for the refusal message. */
    public record MemoryBudget(long bytes, String source) {}

    /**
     * Refuses ({@link NativeArithmeticUnavailableException}) a run of an engine that uses native linear algebra when
     * its self-check failed; waits for the self-check if it has not run yet. Plain-Java kinds always pass.
     */
    public void requireArithmetic(ExperimentKind.Engine engine) {
        if (engine != ExperimentKind.Engine.ND4J) {
            return;
        }
        NativeSelfCheck.Report report = NativeSelfCheck.report();
        if (!report.passed()) {
            throw new NativeArithmeticUnavailableException(report.refusal());
        }
    }

    /** Library versions stored with each run. */
    public String versions() {
        return versions;
    }

    /** Everything {@code GET /api/system} reports. */
    public Map<String, Object> system() {
        ComputeBackendInfo nd4j = ComputeBackendProbe.describe();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("backend", nd4j.backend());
        out.put("library", nd4j.library());
        out.put("device", nd4j.device());
        out.put("deviceMemoryBytes", nd4j.deviceMemoryBytes());
        out.put("freeMemoryBytes", nd4j.freeMemoryBytes());
        out.put("computeCapability", nd4j.computeCapability());
        out.put("cpuOptimization", nd4j.cpuOptimization());
        out.put("cpuSupports", nd4j.cpuSupports());
        out.put("blasVendor", nd4j.blasVendor());
        out.put("threads", nd4j.threads());
        out.put("summary", nd4j.summary());
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put("jvmMaxMemoryBytes", Runtime.getRuntime().maxMemory());
        out.put(
                "heapUsedBytes",
                java.lang.management.ManagementFactory.getMemoryMXBean()
                        .getHeapMemoryUsage()
                        .getUsed());
        out.put("memoryBudgetBytes", props.memoryBudgetBytes());
        NativeSelfCheck.Report check = NativeSelfCheck.report();
        out.put("blas", check.blas());
        out.put(
                "selfCheck",
                Map.of(
                        "status",
                        check.passed() ? "passed" : "failed",
                        "failures",
                        check.failures(),
                        "checks",
                        check.checks(),
                        "seconds",
                        check.seconds()));
        out.put(
                "versions",
                Map.of(
                        "factlab",
                        props.versions().factlab(),
                        "nd4j",
                        props.versions().dl4j(),
                        "dl4j",
                        props.versions().dl4j(),
                        "java",
                        System.getProperty("java.version")));
        return out;
    }

    private static void logSelfCheck(NativeSelfCheck.Report report) {
        String library = report.library();
        if (report.passed()) {
            log.info(
                    "native linear algebra passed its self-check: {} checks on {} in {} s",
                    report.checks(),
                    library,
                    String.format("%.1f", report.seconds()));
        } else {
            log.error("native linear algebra FAILED its self-check on {}: {}", library, report.refusal());
        }
    }

    /**
     * Logs the backend and the native self-check once the server is up, off the start-up path (ND4J takes seconds to
     * initialise); a run that starts before the self-check finished waits for it ({@link #requireArithmetic}).
     */
    @EventListener(ApplicationReadyEvent.class)
    void logBackend() {
        Thread probe = new Thread(
                () -> {
                    try {
                        log.info(
                                "compute backend: {}",
                                ComputeBackendProbe.describe().summary());
                        logSelfCheck(NativeSelfCheck.report());
                    } catch (RuntimeException | LinkageError e) {
                        log.warn("ND4J backend unavailable: {}", e.toString());
                    }
                },
                "backend-probe");
        probe.setDaemon(true);
        probe.start();
    }
}
