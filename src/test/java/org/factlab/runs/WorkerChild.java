package org.factlab.runs;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * A FACT Lab instance in its own JVM for the several-workers tests: starts with the given Spring arguments (the
 * scripted test kind included), prints {@code PORT <port>} and serves until killed.
 */
public final class WorkerChild {

    private WorkerChild() {}

    public static void main(String[] args) {
        ConfigurableApplicationContext ctx = CrashChild.builder().run(args);
        System.out.println("PORT " + ctx.getEnvironment().getProperty("local.server.port"));
        System.out.flush();
    }
}
