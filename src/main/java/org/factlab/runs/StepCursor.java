package org.factlab.runs;

import java.util.HashSet;
import java.util.Set;

/**
 * How far a follower has read one run's rows of one table (metric points or matrix snapshots): the latest step
 * delivered and the keys (series or matrix names) already delivered at that step. Steps only grow within a
 * run, but one step's rows may be committed in several transactions, so rows at the latest step are read again
 * and only unseen keys pass.
 */
final class StepCursor {

    private long step = -1;
    private final Set<String> keysAtStep = new HashSet<>();

    /** The first step to read from: the latest delivered one (its later keys may still come). */
    long from() {
        return Math.max(step, 0);
    }

    /** True (and remembered) the first time {@code key} at {@code at} is seen. */
    boolean accept(String key, long at) {
        if (at < step || (at == step && !keysAtStep.add(key))) {
            return false;
        }
        if (at > step) {
            step = at;
            keysAtStep.clear();
            keysAtStep.add(key);
        }
        return true;
    }

    /**
     * Skips to {@code at} without delivering (nobody follows the run); its rows at {@code at} will be delivered
     * again when someone does.
     */
    void skipTo(long at) {
        if (at > step) {
            step = at;
            keysAtStep.clear();
        }
    }
}
