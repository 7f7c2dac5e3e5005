package org.factlab.data.uploaded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.factlab.data.tabular.TableFormatException;
import org.factlab.math.ValueLimit;

/**
 * A NumPy {@code .npz} ({@code numpy.savez}, compressed or not) with {@code X} (n×d, numbers) and {@code y} (n labels,
 * numbers). Labels are compared by value ({@code 2} and {@code 2.0} are one class).
 */
final class NpzUpload {

    private NpzUpload() {
    }

    static UploadedTable read(Path file, ValueLimit limit) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            NpyArray x = array(zip, "X", limit);
            NpyArray y = array(zip, "y", limit);
            if (x.shape().length != 2 || x.shape()[0] < 1 || x.shape()[1] < 1) {
                throw new TableFormatException("X", "must be a 2-D array n×d; it has shape "
                        + Arrays.toString(x.shape()));
            }
            int n = (int) x.shape()[0];
            int d = (int) x.shape()[1];
            if (y.values().length != n || y.shape().length > 2 || y.shape().length == 2 && y.shape()[1] != 1) {
                throw new TableFormatException("y", "must hold one label per row of X (" + n + "); it has shape "
                        + Arrays.toString(y.shape()));
            }
            for (int i = 0; i < x.values().length; i++) {
                if (!Double.isFinite(x.values()[i])) {
                    throw new TableFormatException("X", "row " + (i / d) + ", column " + (i % d)
                            + " is not a finite number");
                }
            }
            List<String> labels = new ArrayList<>(n);
            for (double v : y.values()) {
                if (!Double.isFinite(v)) {
                    throw new TableFormatException("y", "holds a label that is not a finite number");
                }
                labels.add(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v));
            }
            return UploadedTable.of(x.values(), labels, n, d);
        } catch (ZipException e) {
            throw new TableFormatException("file", "is not an .npz (zip) file, or it is truncated");
        }
    }

    private static NpyArray array(ZipFile zip, String name, ValueLimit limit) throws IOException {
        ZipEntry entry = zip.getEntry(name + ".npy");
        if (entry == null) {
            throw new TableFormatException("file", "the .npz has no array " + name + " (it needs X and y)");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return NpyArray.read(in, name, limit);
        }
    }
}
