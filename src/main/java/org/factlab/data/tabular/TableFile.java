package org.factlab.data.tabular;

import java.util.List;

/**
 * One table file whose layout (columns, label column) is known; its rows are streamed on demand, each call of
 * {@link #rows} reading the file again from its start.
 */
interface TableFile {

    /** Receives one data row: its tokens ({@code null} = missing value) and its line. */
    interface RowSink {
        void row(String[] tokens, int line);
    }

    TextSource source();

    List<RawTable.Column> columns();

    int labelColumn();

    void rows(RowSink sink);
}
