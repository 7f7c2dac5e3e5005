package org.factlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The follower's read position: each (key, step) passes once, later keys of the latest step still pass. */
class StepCursorTest {

    @Test
    void eachKeyOfEachStepPassesOnceAndRereadsStartAtTheLatestStep() {
        StepCursor cursor = new StepCursor();
        assertEquals(0, cursor.from());
        assertTrue(cursor.accept("x", 0));
        assertTrue(cursor.accept("x", 1));
        assertEquals(1, cursor.from(), "the latest step is read again: more of its keys may be committed later");
        assertFalse(cursor.accept("x", 1), "already delivered");
        assertTrue(cursor.accept("y", 1), "a key of the latest step committed in a later transaction");
        assertFalse(cursor.accept("y", 0), "steps before the latest are done");
        assertTrue(cursor.accept("y", 2));
        assertFalse(cursor.accept("x", 1));
    }

    @Test
    void skippingDeliversTheSkippedStepAgainButNothingBefore() {
        StepCursor cursor = new StepCursor();
        cursor.skipTo(5);
        assertEquals(5, cursor.from());
        assertFalse(cursor.accept("x", 4));
        assertTrue(cursor.accept("x", 5), "the step skipped to is delivered whole when someone follows");
        cursor.skipTo(5);
        assertFalse(cursor.accept("x", 5), "skipping to the same step keeps what was delivered");
        cursor.skipTo(3);
        assertEquals(5, cursor.from(), "never moves back");
        cursor.skipTo(-1);
        assertEquals(5, cursor.from());
    }
}
