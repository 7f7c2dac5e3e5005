package org.factlab.experiments.sweep;

import java.util.List;

/**
 * A study table as shown: column headers and rows of cells (text, numbers, or null for an empty cell). The
 * study page renders it and its CSV download writes the same grid.
 */
public record TableGrid(List<String> header, List<List<Object>> rows) {
    public TableGrid {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }
}
