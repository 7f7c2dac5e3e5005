package org.factlab.data.tabular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers on small fixture files, and the folder conventions (names, parts, options, compression). */
class TableFolderTest {

    @TempDir
    Path dir;

    @Test
    void csvWithHeaderNominalColumnAndMissingValues() throws IOException {
        write("pets.csv", """
                weight,colour,age,kind
                4.0,black,2,cat
                30,brown,?,dog
                ,black,5,cat
                25,"white, spotted",3,dog
                """);
        Table t = load("pets");
        assertEquals(
                List.of("weight", "colour=black", "colour=brown", "colour=white, spotted", "age"), t.featureNames());
        assertEquals(List.of("cat", "dog"), t.classes());
        assertArrayEquals(new int[] {0, 1, 0, 1}, t.labels());
        assertArrayEquals(new double[] {4, 1, 0, 0, 2}, t.features()[0]);
        assertTrue(Double.isNaN(t.features()[1][4]), "? is missing");
        assertTrue(Double.isNaN(t.features()[2][0]), "an empty field is missing");
        assertArrayEquals(new double[] {25, 0, 0, 1, 3}, t.features()[3]);
    }

    @Test
    void arffNominalMissingQuotedAndSparseRows() throws IOException {
        write("weather.arff", """
                % a comment
                @relation weather
                @attribute outlook {sunny, 'over cast', rainy}
                @attribute 'temp erature' numeric
                @attribute note string
                @attribute play {yes, no, maybe}

                @data
                sunny, 85, 'hot day', no
                'over cast', ?, x, yes
                ?, 70, y, yes
                {1 64, 3 no}
                rainy, 65, z, ?
                """);
        Table t = load("weather");
        assertEquals(List.of("outlook=sunny", "outlook=over cast", "outlook=rainy", "temp erature"), t.featureNames());
        assertEquals(List.of("yes", "no"), t.classes(), "declared order, unused 'maybe' left out");
        assertEquals(4, t.rows(), "the row with a missing class is dropped");
        assertArrayEquals(new int[] {1, 0, 0, 1}, t.labels());
        assertArrayEquals(new double[] {1, 0, 0, 85}, t.features()[0]);
        assertTrue(Double.isNaN(t.features()[1][3]));
        for (int j = 0; j < 3; j++) {
            assertTrue(Double.isNaN(t.features()[2][j]), "a missing nominal value leaves every one-hot column missing");
        }
        assertArrayEquals(new double[] {1, 0, 0, 64}, t.features()[3], "sparse: omitted nominal = first category");
    }

    @Test
    void libsvmSparseRowsAreZerosNotMissing() throws IOException {
        write("heart.libsvm", "+1 1:0.5 3:-1 # comment\n-1 2:0.25\n\n+1 1:1 2:1 3:1\n");
        Table t = load("heart");
        assertEquals(3, t.featureCount());
        assertEquals(List.of("-1", "+1"), t.classes(), "numeric labels sort numerically");
        assertArrayEquals(new int[] {1, 0, 1}, t.labels());
        assertArrayEquals(new double[] {0.5, 0, -1}, t.features()[0]);
        assertArrayEquals(new double[] {0, 0.25, 0}, t.features()[1]);
    }

    @Test
    void libsvmIsRecognisedByContentAndScikitLearnHeaderByItsCounts() throws IOException {
        write("sniffed.dat", "1 1:2 2:3\n2 1:4 2:5\n");
        write("sk.csv", "3,2,setosa,virginica\n1.0,2.0,0\n1.5,2.5,1\n0.5,1.0,0\n");
        assertEquals(2, load("sniffed").featureCount());
        Table sk = load("sk");
        assertEquals(3, sk.rows());
        assertEquals(List.of("setosa", "virginica"), sk.classes());
        assertArrayEquals(new int[] {0, 1, 0}, sk.labels());
    }

    @Test
    void subFolderPartsAreConcatenatedAndOptionsPickTheLabelColumn() throws IOException {
        Files.createDirectories(dir.resolve("letters"));
        write("letters/a-train.data", "A,1,2\nB,3,4\n");
        gzip("letters/b-test.data.gz", "A,5,6\n");
        write(TableFolder.OPTIONS_FILE, "letters.label = first\n");
        Table t = load("letters");
        assertEquals(3, t.rows());
        assertEquals(List.of("A", "B"), t.classes());
        assertArrayEquals(new double[] {5, 6}, t.features()[2]);
    }

    @Test
    void sameNameInTwoFormatsKeepsBothUnderTheirFileNames() throws IOException {
        write("iris.csv", "1,a\n2,b\n");
        write("iris.arff", "@relation r\n@attribute x numeric\n@attribute c {a,b}\n@data\n1,a\n");
        write("README.md", "not a table");
        assertEquals(List.of("iris.arff", "iris.csv"), TableFolder.open(dir).names());
    }

    @Test
    void malformedFilesNameTheFileAndLine() throws IOException {
        write("short.csv", "1,2,a\n3,4,b\n5,c\n");
        write("undeclared.arff", "@relation r\n@attribute x {u, v}\n@attribute c {a, b}\n@data\nu,a\nw,b\n");
        write("entry.libsvm", "1 1:0.5\n2 1:x\n");
        assertMessage("short", "short.csv:3", "expected 3 values");
        assertMessage("undeclared", "undeclared.arff:6", "column 1 is not one of its declared categories");
        assertMessage("entry", "entry.libsvm:2", "index:value");
    }

    @Test
    void unknownDatasetListsTheAvailableOnes() throws IOException {
        write("a.csv", "1,x\n2,y\n");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> TableFolder.open(dir).load("b"));
        assertTrue(e.getMessage().contains("found: a"), e.getMessage());
    }

    @Test
    void bundledUciTablesHaveTheirPublishedShapes() {
        TableFolder uci = TableFolder.open(Path.of("data/uci"));
        assertEquals(
                List.of(
                        "breast-cancer",
                        "breast-cancer-wdbc",
                        "german-credit",
                        "glass",
                        "ionosphere",
                        "iris",
                        "labor",
                        "letter",
                        "optdigits",
                        "pima-diabetes",
                        "segment",
                        "soybean",
                        "statlog-heart",
                        "vote",
                        "wine"),
                uci.names());
        assertShape(uci.load("iris"), 150, 4, 3);
        assertShape(uci.load("wine"), 178, 13, 3);
        assertShape(uci.load("breast-cancer-wdbc"), 569, 30, 2);
        assertShape(uci.load("optdigits"), 1797, 64, 10);
        assertShape(uci.load("pima-diabetes"), 768, 8, 2);
        assertShape(uci.load("ionosphere"), 351, 34, 2);
        assertShape(uci.load("glass"), 214, 9, 6);
        assertShape(uci.load("german-credit"), 1000, 7 + 56, 2); // 7 numeric, 13 nominal with 56 categories
        assertShape(uci.load("vote"), 435, 16 * 2, 2);
        assertShape(uci.load("soybean"), 683, 100, 19); // 35 nominal attributes, 100 categories
        assertShape(uci.load("segment"), 2310, 19, 7);
        assertShape(uci.load("letter"), 20000, 16, 26);
        assertShape(uci.load("statlog-heart"), 270, 13, 2);
    }

    private static void assertShape(Table t, int rows, int features, int classes) {
        assertEquals(List.of(rows, features, classes), List.of(t.rows(), t.featureCount(), t.classCount()), t.name());
    }

    private void assertMessage(String name, String... parts) {
        TableFormatException e = assertThrows(TableFormatException.class, () -> load(name));
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }

    private Table load(String name) {
        return TableFolder.open(dir).load(name);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private void gzip(String name, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(name)))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
