package org.factlab.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A {@code python3} with PyTorch and NumPy (Debian's python3-torch, python3-numpy), for the tests that run training
 * loops through {@code clients/python/factlab_client.py}. Without one the test is skipped, except under
 * {@code CI=true}, where it fails: there the tests must run (.ci/run installs the packages).
 */
final class PythonTorch {

    private static final List<String> CANDIDATES = List.of("/usr/bin/python3", "python3");

    private PythonTorch() {}

    /** The interpreter's command. */
    static String findOrSkip() throws Exception {
        for (String python : CANDIDATES) {
            try {
                Process p = new ProcessBuilder(python, "-c", "import torch, numpy")
                        .redirectErrorStream(true)
                        .start();
                if (p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return python;
                }
                p.destroyForcibly();
            } catch (IOException notThere) {
                // the next candidate
            }
        }
        String message = "no python3 with torch and numpy: install Debian's python3-torch and python3-numpy";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + " (CI=true: the client tests must run)");
        }
        Assumptions.abort(message);
        return null;
    }

    /** Starts {@code python args…} in the repository root with {@code env} added, its output going to {@code log}. */
    static Process start(String python, Path log, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(python));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().putAll(env);
        return b.start();
    }

    /** Waits for a started script (at most 10 minutes); its exit code and output. */
    static Result await(Process p, Path log) throws Exception {
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("python did not end in 10 minutes:\n" + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log));
    }

    /** How a script ended. */
    record Result(int exit, String output) {}
}
