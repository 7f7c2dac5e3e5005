package org.factlab.runs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Which steps of one stream (a run's metric points, or one matrix's snapshots) are stored, so that at most
 * {@code max} are however many arrive: every step while there is room; when the room is full, every other stored
 * step is dropped and from then on only every second step is stored (then every fourth, …). The stored steps stay
 * evenly spread from the first; the caller holds back the newest step not stored and stores it when the run ends.
 * A step offered again right after itself (more values of the same step) gets the same answer; a step before the
 * last one offered (a kind going back to add values to earlier steps, as {@code modular} does at its end) is stored
 * as it comes and changes nothing.
 */
final class StepThinning {

    /** Whether the step offered is stored, and the steps stored before that must now be deleted. */
    record Decision(boolean store, List<Long> dropped) {}

    private final int max;
    private final Deque<long[]> stored = new ArrayDeque<>();
    private long stride = 1;
    private long ordinal = -1;
    private long lastStep;
    private boolean lastStored;

    /** @param max the most steps stored, at least 1 */
    StepThinning(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("at least one step must be stored");
        }
        this.max = max;
    }

    Decision offer(long step) {
        if (ordinal >= 0 && step == lastStep) {
            return new Decision(lastStored, List.of());
        }
        if (ordinal >= 0 && step < lastStep) {
            return new Decision(true, List.of());
        }
        ordinal++;
        lastStep = step;
        lastStored = ordinal % stride == 0;
        if (!lastStored) {
            return new Decision(false, List.of());
        }
        stored.addLast(new long[] {ordinal, step});
        if (stored.size() <= max) {
            return new Decision(true, List.of());
        }
        stride *= 2;
        List<Long> dropped = new ArrayList<>();
        stored.removeIf(s -> {
            boolean drop = s[0] % stride != 0;
            if (drop && s[0] != ordinal) {
                dropped.add(s[1]);
            }
            return drop;
        });
        lastStored = ordinal % stride == 0;
        return new Decision(lastStored, dropped);
    }
}
