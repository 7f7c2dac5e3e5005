package org.factlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** However many steps arrive, at most the maximum stay stored, evenly spread from the first. */
class StepThinningTest {

    @Test
    void aHundredThousandStepsKeepAtMostTheMaximumEvenlySpread() {
        StepThinning thinning = new StepThinning(100);
        TreeSet<Long> stored = new TreeSet<>();
        for (long step = 0; step < 100_000; step++) {
            StepThinning.Decision d = thinning.offer(step);
            assertTrue(stored.containsAll(d.dropped()), "only stored steps are dropped");
            d.dropped().forEach(stored::remove);
            if (d.store()) {
                stored.add(step);
            }
            assertTrue(stored.size() <= 100, "at step " + step + ": " + stored.size());
        }
        assertEquals(0L, stored.first());
        List<Long> gaps = new ArrayList<>();
        Long previous = null;
        for (long s : stored) {
            if (previous != null) {
                gaps.add(s - previous);
            }
            previous = s;
        }
        assertEquals(1, gaps.stream().distinct().count(), "one stride: " + gaps);
        assertTrue(stored.size() > 50, "more than half the room is used: " + stored.size());
    }

    @Test
    void valuesOfTheSameStepGetTheSameAnswer() {
        StepThinning thinning = new StepThinning(2);
        assertTrue(thinning.offer(0).store());
        assertTrue(thinning.offer(0).store());
        assertTrue(thinning.offer(5).store());
        StepThinning.Decision third = thinning.offer(9);
        assertTrue(third.store());
        assertEquals(List.of(5L), third.dropped());
        assertTrue(thinning.offer(9).store());
        assertFalse(thinning.offer(12).store());
        assertFalse(thinning.offer(12).store());
        assertEquals(new StepThinning.Decision(true, List.of(9L)), thinning.offer(20));
    }

    @Test
    void valuesAddedToEarlierStepsAreStoredAndChangeNothing() {
        StepThinning thinning = new StepThinning(2);
        for (long step = 0; step < 8; step++) {
            thinning.offer(step);
        }
        for (long step = 0; step < 7; step++) {
            assertEquals(new StepThinning.Decision(true, List.of()), thinning.offer(step), "step " + step);
        }
        assertEquals(thinning.offer(7).store(), thinning.offer(7).store());
        assertEquals(new StepThinning.Decision(true, List.of(4L)), thinning.offer(8));
    }
}
