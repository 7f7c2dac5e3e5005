package org.factlab.runs;

/**
 * A run or a study was deleted. Published as a Spring application event inside the deleting transaction, so that
 * what points at it from other packages (share links) goes in the same commit.
 */
public record Deleted(Target target, String id) {

    /** What was deleted. */
    public enum Target {
        RUN,
        STUDY
    }
}
