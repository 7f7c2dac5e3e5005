package org.factlab.data.uploaded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.factlab.data.tabular.TableFormatException;
import org.factlab.math.ValueLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An uploaded .npz of images, X n×C×H×W: every image becomes a row in (C, H, W) order, the C order NumPy stores, and
 * the shape is kept; a Fortran-ordered image array and other ranks are refused naming X.
 */
class ImageNpzTest {

    @TempDir
    Path dir;

    @Test
    void imagesKeepTheirShapeAndTheirCHWOrder() throws IOException {
        double[] pixels = new double[3 * 2 * 2 * 2];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i;
        }
        UploadedTable table = UploadedTable.read(
                npz(npy("(3, 2, 2, 2)", false, pixels), npy("(3,)", false, new double[] {1, 0, 1})),
                "images.npz",
                ValueLimit.NONE);
        assertEquals(3, table.n());
        assertEquals(8, table.d());
        assertEquals(List.of(2, 2, 2), table.imageShape());
        assertArrayEquals(pixels, table.features(), 0);
        assertArrayEquals(new int[] {1, 0, 1}, table.labels());
    }

    @Test
    void aTableHasNoImageShapeAndOtherShapesAreRefused() throws IOException {
        double[] values = new double[8];
        UploadedTable flat = UploadedTable.read(
                npz(npy("(2, 4)", false, values), npy("(2,)", false, new double[2])), "flat.npz", ValueLimit.NONE);
        assertEquals(List.of(), flat.imageShape());
        TableFormatException fortran = assertThrows(
                TableFormatException.class,
                () -> UploadedTable.read(
                        npz(npy("(1, 2, 2, 2)", true, values), npy("(1,)", false, new double[1])),
                        "f.npz",
                        ValueLimit.NONE));
        assertTrue(
                fortran.getMessage().startsWith("X: is a Fortran-ordered array of 4 dimensions"), fortran.getMessage());
        TableFormatException rank3 = assertThrows(
                TableFormatException.class,
                () -> UploadedTable.read(
                        npz(npy("(2, 2, 2)", false, values), npy("(2,)", false, new double[2])),
                        "r.npz",
                        ValueLimit.NONE));
        assertTrue(
                rank3.getMessage().startsWith("X: must be a 2-D array n×d or a 4-D array of n images C×H×W"),
                rank3.getMessage());
    }

    /** A version-1 .npy of little-endian float64 values with this shape. */
    private static byte[] npy(String shape, boolean fortran, double[] values) throws IOException {
        String header =
                "{'descr': '<f8', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape + ", }";
        header = header + " ".repeat(63 - (10 + header.length()) % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8);
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer data = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            data.putDouble(v);
        }
        out.write(data.array());
        return out.toByteArray();
    }

    private Path npz(byte[] x, byte[] y) throws IOException {
        Path file = Files.createTempFile(dir, "upload", ".npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("X.npy"));
            zip.write(x);
            zip.putNextEntry(new ZipEntry("y.npy"));
            zip.write(y);
        }
        return file;
    }
}
