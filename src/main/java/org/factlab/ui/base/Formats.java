package org.factlab.ui.base;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.factlab.runs.Run;

/** Display formats shared by the views. */
public final class Formats {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private Formats() {}

    public static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /** A run's running time: from its start to its finish, or to now while it runs; null before it started. */
    public static Duration runTime(Run r) {
        if (r.startedAt() == null) {
            return null;
        }
        return Duration.between(r.startedAt(), r.finishedAt() == null ? Instant.now() : r.finishedAt());
    }

    public static String duration(Duration d) {
        if (d == null) {
            return "";
        }
        long s = d.toSeconds();
        return s < 60
                ? s + " s"
                : s < 3600 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600) / 60 + " min";
    }

    /**
     * A value as it was written down (the paper's 0.068, a tolerance 0.01): its shortest decimal form, or
     * {@link #number} when that has more than five significant digits (a measured 1859/1860).
     */
    public static String printed(double v) {
        java.math.BigDecimal exact = java.math.BigDecimal.valueOf(v).stripTrailingZeros();
        return exact.precision() > 5 ? number(v) : exact.toPlainString();
    }

    public static String number(double v) {
        if (v == 0 || (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e5)) {
            return String.format(Locale.ROOT, "%.4g", v);
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }
}
