package org.factlab.data.uploaded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.factlab.data.tabular.TableFormatException;
import org.factlab.math.ValueLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploaded tables are sized from what they declare (an .npz array's shape, a CSV's header and rows) against the
 * limit before their numbers are allocated; each refusal names the limit.
 */
class UploadedTableLimitsTest {

    private static final ValueLimit LIMIT = new ValueLimit(1000, "test.limit");

    @TempDir
    Path dir;

    @Test
    void anNpzDeclaringMoreNumbersThanTheLimitIsRefusedFromItsHeader() throws IOException {
        Path file = npz(npy("(46340, 46340)", 0), npy("(46340,)", 0));
        TableFormatException e =
                assertThrows(TableFormatException.class, () -> UploadedTable.read(file, "x.npz", LIMIT));
        assertEquals(
                "X: declares shape [46340, 46340], 2147395600 values; allowed: at most 1000 numbers " + "(test.limit)",
                e.getMessage());
    }

    @Test
    void aShortNpzDeclaringAHugeArrayEndsAsTruncatedWithoutReservingIt() throws IOException {
        Path file = npz(npy("(46340, 46340)", 16), npy("(46340,)", 0));
        TableFormatException e =
                assertThrows(TableFormatException.class, () -> UploadedTable.read(file, "x.npz", ValueLimit.NONE));
        assertEquals("X: ends before all its values (truncated)", e.getMessage());
    }

    @Test
    void aCsvHeaderOfMoreColumnsThanTheLimitIsRefusedAtLineOne() throws IOException {
        Path file = dir.resolve("wide.csv");
        Files.writeString(file, ",".repeat(1_000_000) + "\n");
        TableFormatException e =
                assertThrows(TableFormatException.class, () -> UploadedTable.read(file, "wide.csv", LIMIT));
        assertEquals(
                "file:1: the header names 1000000 features; allowed: at most 1000 numbers (test.limit)",
                e.getMessage());
    }

    @Test
    void aWideCsvIsReadWithoutReservingRowsForItsWidth() throws IOException {
        Path file = dir.resolve("wide.csv");
        int d = 200_000;
        String row = "1,".repeat(d) + "a\n";
        Files.writeString(file, "h,".repeat(d) + "label\n" + row + row);
        UploadedTable table = UploadedTable.read(file, "wide.csv", new ValueLimit(2L * d, "test.limit"));
        assertEquals(2, table.n());
        assertEquals(d, table.d());
    }

    @Test
    void csvRowsPastTheLimitAreRefusedAtTheFirstRowThatPassesIt() throws IOException {
        Path file = dir.resolve("long.csv");
        Files.writeString(file, "a,b,c,label\n" + "1,2,3,x\n".repeat(400));
        TableFormatException e =
                assertThrows(TableFormatException.class, () -> UploadedTable.read(file, "long.csv", LIMIT));
        assertEquals(
                "file:335: the table passes 1000 numbers at this row (3 features per row); allowed: at most "
                        + "1000 numbers (test.limit)",
                e.getMessage());
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedBeforeItIsHeldWhole() throws IOException {
        Path file = dir.resolve("long-line.csv");
        Files.writeString(file, "a,label\r\n1,x\r\n" + "7".repeat(CsvUpload.MAX_LINE_CHARS + 1));
        TableFormatException e = assertThrows(
                TableFormatException.class, () -> UploadedTable.read(file, "long-line.csv", ValueLimit.NONE));
        assertEquals(
                "file:3: the line is longer than " + CsvUpload.MAX_LINE_CHARS + " characters; allowed: at most "
                        + CsvUpload.MAX_LINE_CHARS,
                e.getMessage());
        Files.writeString(file, "a,label\r\n1,x\r\n2,y");
        assertEquals(
                2, UploadedTable.read(file, "long-line.csv", ValueLimit.NONE).n());
    }

    /** A version-1 .npy of float64 with this shape and {@code dataBytes} zero bytes of data. */
    private static byte[] npy(String shape, int dataBytes) throws IOException {
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }";
        header = header + " ".repeat(63 - (10 + header.length()) % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8);
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        out.write(new byte[dataBytes]);
        return out.toByteArray();
    }

    private Path npz(byte[] x, byte[] y) throws IOException {
        Path file = dir.resolve("table.npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("X.npy"));
            zip.write(x);
            zip.putNextEntry(new ZipEntry("y.npy"));
            zip.write(y);
        }
        return file;
    }
}
