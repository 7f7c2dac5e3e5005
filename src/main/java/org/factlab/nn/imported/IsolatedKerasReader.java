package org.factlab.nn.imported;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.factlab.math.ValueLimit;
import org.factlab.nn.mlp.Activation;

/**
 * Reads a Keras HDF5 file in a short-lived child JVM, because the HDF5 library is native code: a hostile or broken
 * file can crash it (a segmentation fault takes the whole JVM down). The child has {@link #HEAP} of heap,
 * JavaCPP's allocations capped at {@link #OFF_HEAP} and {@link #TIME} to answer; a crash, a timeout or running out
 * of memory there is a refusal of the file ({@link ModelFileException}), and the server never notices. The child
 * reads the file with {@link KerasReader} and prints what the upload needs: the layers, the activation, the softmax.
 */
public final class IsolatedKerasReader {

    static final String HEAP = "384m";
    static final String OFF_HEAP = "512m";
    static final Duration TIME = Duration.ofSeconds(120);
    /** Children reading at the same time, at most. */
    static final int CHILDREN = 2;

    private static final Semaphore RUNNING = new Semaphore(CHILDREN, true);
    private static final String RESULT = "FACTLAB-RESULT ";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What the child read: the weight layers, the hidden activation (null when unsaid), the final softmax and the
     * leading convolutions.
     */
    public record Summary(
            List<ImportedNetwork.LayerShape> layers,
            Activation activation,
            boolean softmaxOutput,
            List<ImportedNetwork.ConvShape> convolutions) {}

    private IsolatedKerasReader() {}

    /**
     * Reads {@code file} in a child JVM; refuses it, with the reason, when the child refuses it or dies. A file that
     * does not start like HDF5 is refused here, without a child; at most {@link #CHILDREN} children run at once
     * (further uploads wait for one to end, then are refused).
     */
    public static Summary read(Path file, ValueLimit limit) throws ModelFileException, IOException {
        KerasReader.checkSignature(file);
        try {
            if (!RUNNING.tryAcquire(TIME.toSeconds(), TimeUnit.SECONDS)) {
                throw new ModelFileException("the Keras HDF5 reader is busy with " + CHILDREN + " other uploads; "
                        + "allowed: " + CHILDREN + " at a time; try again later");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to read the Keras file");
        }
        try {
            return readInChild(file, limit);
        } finally {
            RUNNING.release();
        }
    }

    private static Summary readInChild(Path file, ValueLimit limit) throws ModelFileException, IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP,
                "-XX:MaxDirectMemorySize=" + OFF_HEAP,
                "-Dorg.bytedeco.javacpp.maxbytes=" + OFF_HEAP,
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=1g",
                "-XX:-CreateCoredumpOnCrash",
                "-XX:ErrorFile=/dev/null"));
        command.addAll(mainClassArguments());
        command.addAll(List.of(file.toAbsolutePath().toString(), Long.toString(limit.values()), limit.setting()));
        Process child = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String result = null;
        boolean finished;
        try {
            result = resultLine(child);
            finished = child.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the Keras file was read");
        } finally {
            child.destroyForcibly();
        }
        if (!finished || result == null) {
            throw new ModelFileException("the Keras HDF5 reader "
                    + (finished
                            ? "crashed (exit code " + child.exitValue() + ")"
                            : "did not finish within " + TIME.toSeconds() + " s")
                    + " on this file, so it is refused: it is malformed, or too large for " + HEAP
                    + " of heap (safetensors is the recommended format)");
        }
        return summary(JSON.readTree(result));
    }

    /**
     * The child's result line, or null when it printed none; the child is killed when it has not ended within
     * {@link #TIME}.
     */
    private static String resultLine(Process child) throws IOException {
        Thread watchdog = new Thread(
                () -> {
                    try {
                        if (!child.waitFor(TIME.toMillis(), TimeUnit.MILLISECONDS)) {
                            child.destroyForcibly();
                        }
                    } catch (InterruptedException finishedInTime) {
                        // the output ended: the child is ending on its own
                    }
                },
                "keras-reader-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        String result = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(RESULT)) {
                    result = line.substring(RESULT.length());
                }
            }
        } finally {
            watchdog.interrupt();
        }
        return result;
    }

    private static Summary summary(JsonNode result) throws ModelFileException, IOException {
        if (result.hasNonNull("refused")) {
            throw new ModelFileException(result.get("refused").asText());
        }
        List<ImportedNetwork.LayerShape> layers = new ArrayList<>();
        for (JsonNode l : result.path("layers")) {
            layers.add(new ImportedNetwork.LayerShape(
                    l.get("in").asInt(), l.get("out").asInt(), l.get("bias").asBoolean()));
        }
        if (layers.isEmpty()) {
            throw new ModelFileException("the HDF5 reader gave no layers for this file");
        }
        Activation activation = result.hasNonNull("activation")
                ? org.factlab.choice.Choice.fromId(
                        Activation.class, result.get("activation").asText())
                : null;
        List<ImportedNetwork.ConvShape> convolutions = new ArrayList<>();
        for (JsonNode c : result.path("convolutions")) {
            convolutions.add(JSON.treeToValue(c, ImportedNetwork.ConvShape.class));
        }
        return new Summary(layers, activation, result.path("softmaxOutput").asBoolean(), convolutions);
    }

    /**
     * The JVM arguments that start {@link #main}: the class path of this JVM when this class is a file on it, or,
     * inside the executable jar ({@code jar:nested:…!BOOT-INF/classes/}), Spring Boot's launcher pointed at this
     * class, as for {@code PasswordHashCommand} (docs/operations.md).
     */
    private static List<String> mainClassArguments() {
        URL location =
                IsolatedKerasReader.class.getProtectionDomain().getCodeSource().getLocation();
        String classPath = System.getProperty("java.class.path");
        if (location == null || !"file".equals(location.getProtocol())) {
            return List.of(
                    "-cp",
                    classPath,
                    "-Dloader.main=" + IsolatedKerasReader.class.getName(),
                    "org.springframework.boot.loader.launch.PropertiesLauncher");
        }
        return List.of("-cp", classPath, IsolatedKerasReader.class.getName());
    }

    /**
     * The child: {@code <file> <most parameters> <limit's setting>}; prints one result line, either the summary or
     * {@code {"refused": message}}.
     */
    public static void main(String[] args) throws IOException {
        ObjectNode result = JSON.createObjectNode();
        try {
            ImportedNetwork net = KerasReader.read(Path.of(args[0]), new ValueLimit(Long.parseLong(args[1]), args[2]));
            for (ImportedNetwork.LayerShape l : net.layers()) {
                result.withArray("layers")
                        .addObject()
                        .put("in", l.in())
                        .put("out", l.out())
                        .put("bias", l.bias());
            }
            result.put(
                    "activation",
                    net.activation() == null ? null : net.activation().id());
            result.put("softmaxOutput", net.softmaxOutput());
            result.set("convolutions", JSON.valueToTree(net.convolutions()));
        } catch (ModelFileException e) {
            result.put("refused", e.getMessage());
        }
        System.out.println();
        System.out.println(RESULT + JSON.writeValueAsString(result));
        System.out.flush();
        System.exit(0);
    }
}
