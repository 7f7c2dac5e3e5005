package org.factlab.runs;

/** A stored matrix (row-major float32) of a run at a step, with its value range. */
public record MatrixSnapshot(String name, long step, int rows, int cols, float min, float max, float[] data) {

    /** The same snapshot without its data, as listed by the API. */
    public record Info(String name, long step, int rows, int cols, float min, float max) {}
}
