package org.factlab.ui.study;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.factlab.experiments.sweep.TableGrid;
import org.factlab.runs.compare.FieldText;

/**
 * A study table as the page shows it: each summary value's mean, std and n columns ({@code key.mean},
 * {@code key.std}, {@code key.n}, or {@code field=v mean} … when pivoted) merged into one cell "mean ± std (n)",
 * fields named as in labels ({@link FieldText}). The CSV download keeps the separate columns at full precision.
 */
public final class StudyCells {

    private static final String[][] SEPARATORS = {{".mean", ".std", ".n"}, {" mean", " std", " n"}};
    private static final String[] PAPER = {".paper", " paper"};
    private static final int MEAN_DIGITS = 4;
    private static final int STD_DIGITS = 2;

    private StudyCells() {}

    /**
     * "0.9912 ± 0.0031 (3)": the mean to four significant digits, the sample std to two, the number of seeds; without
     * the std when there is none (one seed: "0.9912 (1)"); "—" when no run of the setting succeeded.
     */
    public static String format(Double mean, Double std, int n) {
        if (n == 0 || mean == null || !Double.isFinite(mean)) {
            return "—";
        }
        String spread = std == null || !Double.isFinite(std) ? "" : " ± " + significant(std, STD_DIGITS);
        return significant(mean, MEAN_DIGITS) + spread + " (" + n + ")";
    }

    /** A value rounded to {@code digits} significant digits without trailing zeros; scientific beyond [1e-3, 1e5). */
    public static String significant(double v, int digits) {
        if (v == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
        double magnitude = Math.abs(v);
        if (magnitude >= 1e-3 && magnitude < 1e5) {
            return rounded.toPlainString();
        }
        int exponent = rounded.precision() - rounded.scale() - 1;
        return rounded.movePointLeft(exponent).toPlainString() + "e" + exponent;
    }

    /**
     * The grid with each mean/std/n triple merged into one "mean ± std (n)" column named by its key (or its pivot
     * value "τ = 0.02"), paper values under "… (paper)", and the field columns named as in labels.
     *
     * @param pivotField the field the grid is pivoted by, or null for one row per setting
     */
    static TableGrid merge(TableGrid grid, List<String> axes, String pivotField) {
        List<String> header = grid.header();
        List<String> mergedHeader = new ArrayList<>();
        List<int[]> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String base = tripleBase(header, i);
            if (base != null) {
                mergedHeader.add(name(base, pivotField));
                columns.add(new int[] {i, i + 1, i + 2});
                i += 2;
                continue;
            }
            String h = header.get(i);
            String paperBase = paperBase(h);
            mergedHeader.add(
                    paperBase != null
                            ? name(paperBase, pivotField) + " (paper)"
                            : axes.contains(h) ? FieldText.name(h) : h);
            columns.add(new int[] {i});
        }
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : grid.rows()) {
            List<Object> cells = new ArrayList<>();
            for (int[] c : columns) {
                cells.add(
                        c.length == 3
                                ? format(
                                        (Double) row.get(c[0]),
                                        (Double) row.get(c[1]),
                                        ((Number) row.get(c[2])).intValue())
                                : text(row.get(c[0])));
            }
            rows.add(cells);
        }
        return new TableGrid(mergedHeader, rows);
    }

    /** The key or pivot value of a mean/std/n triple starting at column i, or null. */
    private static String tripleBase(List<String> header, int i) {
        for (String[] s : SEPARATORS) {
            String h = header.get(i);
            if (h.endsWith(s[0]) && i + 2 < header.size()) {
                String base = h.substring(0, h.length() - s[0].length());
                if (header.get(i + 1).equals(base + s[1]) && header.get(i + 2).equals(base + s[2])) {
                    return base;
                }
            }
        }
        return null;
    }

    private static String paperBase(String h) {
        for (String p : PAPER) {
            if (h.endsWith(p)) {
                return h.substring(0, h.length() - p.length());
            }
        }
        return null;
    }

    /** A pivot value "tau=0.02" as "τ = 0.02"; a key as it is. */
    private static String name(String base, String pivotField) {
        String prefix = pivotField + "=";
        if (pivotField == null || !base.startsWith(prefix)) {
            return base;
        }
        String value = base.substring(prefix.length());
        try {
            return FieldText.of(pivotField, Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return FieldText.of(pivotField, value);
        }
    }

    private static String text(Object cell) {
        return cell == null ? "" : cell instanceof Number n ? FieldText.value(n) : cell.toString();
    }
}
