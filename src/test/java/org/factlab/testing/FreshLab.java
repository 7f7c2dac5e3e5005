package org.factlab.testing;

import org.factlab.runs.Run;
import org.factlab.runs.RunService;
import org.factlab.studies.StudyRuns;
import org.factlab.studies.StudyService;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Makes a test class's lab the one this JVM serves as if it were alone, even when it shares its Spring context with
 * the classes before it and other contexts are alive. Before the class's first test every study and run is deleted
 * (those not ended cancelled first); before each test the context's own security-context strategy is installed
 * again: Vaadin makes one per context and installs it in Spring Security's static {@link SecurityContextHolder} when
 * the context starts, so the last context started would otherwise answer every static lookup, and the signed-in user
 * of a request to an earlier context would not be found. It runs before each test rather than once before the class,
 * so that the context loads after every other extension's {@code beforeAll} (a PostgreSQL cluster starts there).
 */
public final class FreshLab implements BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FreshLab.class);

    @Override
    public void beforeEach(ExtensionContext test) {
        ApplicationContext context = SpringExtension.getApplicationContext(test);
        context.getBeanProvider(SecurityContextHolderStrategy.class)
                .ifUnique(SecurityContextHolder::setContextHolderStrategy);
        ExtensionContext.Store testClass = test.getParent().orElseThrow().getStore(NAMESPACE);
        if (testClass.get(Emptied.class) == null) {
            testClass.put(Emptied.class, new Emptied());
            empty(context);
        }
    }

    private static void empty(ApplicationContext context) {
        StudyService studies = context.getBean(StudyService.class);
        for (StudyRuns study : studies.list()) {
            studies.delete(study);
        }
        RunService runs = context.getBean(RunService.class);
        for (Run run : runs.list(null, null)) {
            runs.delete(run);
        }
    }

    /** The mark of a test class whose lab was emptied. */
    private record Emptied() {}
}
