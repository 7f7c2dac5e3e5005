package org.factlab.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No line of Java source over 120 characters (.editorconfig): the formatter (Spotless with palantir-java-format,
 * checked by every build) wraps code, but not string literals, text blocks or comments.
 */
class LineLengthTest {

    private static final int MAX = 120;

    @Test
    void noJavaLineIsLongerThan120Characters() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/test/java")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        if (lines.get(i).length() > MAX) {
                            tooLong.add(
                                    file + ":" + (i + 1) + " (" + lines.get(i).length() + ")");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), tooLong, "lines over " + MAX + " characters");
    }
}
