package org.factlab.experiments.follow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.factlab.uploads.Inbox;

/**
 * The {@code quick} preset's client: the bundled checkpoints of a small MNIST MLP (made by
 * {@code src/test/python/make_follow_demo.py}) and its logged training loss, put into the run's inbox through the
 * same calls the REST API makes, then finished.
 */
final class DemoFeed {

    static final List<Long> STEPS = List.of(1L, 2L, 5L, 10L, 20L, 50L);
    private static final String FOLDER = "/follow/demo/";

    private DemoFeed() {}

    /** Fills {@code inbox} unless it was filled before (a resumed run). */
    static void feed(Inbox inbox) throws IOException {
        if (inbox.finished()) {
            return;
        }
        for (String line : new String(resource("scalars.tsv").readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.split("\t");
            inbox.appendScalars(Long.parseLong(f[0]), Map.of(f[1], Double.parseDouble(f[2])));
        }
        for (long step : STEPS) {
            try (InputStream in = resource("step-" + step + ".safetensors")) {
                inbox.commit(inbox.stage(in, Long.MAX_VALUE), step);
            }
        }
        inbox.finish();
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = DemoFeed.class.getResourceAsStream(FOLDER + name);
        if (in == null) {
            throw new IOException("the bundled demo file " + FOLDER + name + " is missing");
        }
        return in;
    }
}
