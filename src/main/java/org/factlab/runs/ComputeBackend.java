package org.factlab.runs;

import org.factlab.experiments.ExperimentKind;
import org.springframework.stereotype.Component;

/** Describes, for the run record, what hardware and engine a run executes on. */
@Component
public class ComputeBackend {

    private final String versions;

    public ComputeBackend(FactlabProperties props) {
        this.versions = "factlab " + props.versions().factlab() + ", nd4j/dl4j " + props.versions().dl4j()
                + ", java " + System.getProperty("java.version");
    }

    /** e.g. {@code CPU (plain Java float64, 1 thread; 2 cores)}. */
    public String describe(ExperimentKind.Engine engine) {
        int cores = Runtime.getRuntime().availableProcessors();
        return switch (engine) {
            case PLAIN_JAVA -> "CPU (plain Java float64, 1 thread; " + cores + " cores)";
            case ND4J -> "CPU (nd4j-native linux-x86_64; " + cores + " cores)";
        };
    }

    /** Library versions stored with each run. */
    public String versions() {
        return versions;
    }
}
