package org.factlab.data.tabular;

import java.util.List;

/** A table file whose layout, its columns and label column, a first pass over the text has learned. */
abstract class PreparedTableFile implements TableFile {

    protected final TextSource text;
    protected final List<RawTable.Column> columns;
    protected final int label;

    protected PreparedTableFile(TextSource text, List<RawTable.Column> columns, int label) {
        this.text = text;
        this.columns = List.copyOf(columns);
        this.label = label;
    }

    @Override
    public final TextSource source() {
        return text;
    }

    @Override
    public final List<RawTable.Column> columns() {
        return columns;
    }

    @Override
    public final int labelColumn() {
        return label;
    }
}
