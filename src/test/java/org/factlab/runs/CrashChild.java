package org.factlab.runs;

import java.util.Map;
import org.factlab.FactLabApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A FACT Lab server in its own JVM for {@link RestartRecoveryTest}: starts on the given H2 database, launches
 * a scripted run that records steps 0…hangAt−1 and then waits, prints {@code RUN <id>}, and runs until killed.
 */
public final class CrashChild {

    private CrashChild() {}

    public static void main(String[] args) {
        ConfigurableApplicationContext ctx = RestartRecoveryTest.server(args[0]);
        Run run = ctx.getBean(RunService.class)
                .submit(
                        "test-scripted",
                        null,
                        Map.of("steps", 1000, "hangAt", Integer.parseInt(args[1])),
                        "killed mid-run");
        System.out.println("RUN " + run.id());
        System.out.flush();
    }

    static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(FactLabApplication.class, TestKindsConfig.class);
    }
}
