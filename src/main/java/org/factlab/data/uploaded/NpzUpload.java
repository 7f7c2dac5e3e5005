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
 * A NumPy {@code .npz} ({@code numpy.savez}, compressed or not) with {@code X} (n×d numbers, or n images C×H×W, whose
 * shape is kept and each of which becomes a row in (C, H, W) order) and {@code y} (n labels, numbers). Labels are
 * compared by value ({@code 2} and {@code 2.0} are one class).
 */
final class NpzUpload {

    private NpzUpload() {}

    static UploadedTable read(Path file, ValueLimit limit) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            NpyArray x = array(zip, "X", limit);
            NpyArray y = array(zip, "y", limit);
            long[] shape = x.shape();
            if (shape.length != 2 && shape.length != 4 || Arrays.stream(shape).anyMatch(s -> s < 1)) {
                throw new TableFormatException(
                        "X",
                        "must be a 2-D array n×d or a 4-D array of n images C×H×W; it " + "has shape "
                                + Arrays.toString(shape));
            }
            int n = (int) shape[0];
            int d = Math.toIntExact(x.values().length / n);
            List<Integer> imageShape =
                    shape.length == 2 ? List.of() : List.of((int) shape[1], (int) shape[2], (int) shape[3]);
            if (y.values().length != n || y.shape().length > 2 || y.shape().length == 2 && y.shape()[1] != 1) {
                throw new TableFormatException(
                        "y",
                        "must hold one label per row of X (" + n + "); it has shape " + Arrays.toString(y.shape()));
            }
            for (int i = 0; i < x.values().length; i++) {
                if (!Double.isFinite(x.values()[i])) {
                    throw new TableFormatException(
                            "X", "row " + (i / d) + ", column " + (i % d) + " is not a finite number");
                }
            }
            List<String> labels = new ArrayList<>(n);
            for (double v : y.values()) {
                if (!Double.isFinite(v)) {
                    throw new TableFormatException("y", "holds a label that is not a finite number");
                }
                labels.add(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v));
            }
            return UploadedTable.of(x.values(), labels, n, d, imageShape);
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
