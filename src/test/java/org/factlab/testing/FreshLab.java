package org.factlab.testing;

import org.factlab.runs.Run;
import org.factlab.runs.RunService;
import org.factlab.studies.StudyRuns;
import org.factlab.studies.StudyService;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Before a test class runs, makes its lab the one this JVM serves as if it were alone, even when it shares its Spring
 * context with the classes before it and other contexts are alive: every study and run is deleted (those not ended
 * cancelled first), and the context's own security-context strategy is installed again. Vaadin makes one per context
 * and installs it in Spring Security's static {@link SecurityContextHolder} when the context starts, so the last
 * context started would otherwise answer every static lookup, and the signed-in user of a request to an earlier
 * context would not be found.
 */
public final class FreshLab implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext extension) {
        ApplicationContext context = SpringExtension.getApplicationContext(extension);
        context.getBeanProvider(SecurityContextHolderStrategy.class)
                .ifUnique(SecurityContextHolder::setContextHolderStrategy);
        StudyService studies = context.getBean(StudyService.class);
        for (StudyRuns study : studies.list()) {
            studies.delete(study);
        }
        RunService runs = context.getBean(RunService.class);
        for (Run run : runs.list(null, null)) {
            runs.delete(run);
        }
    }
}
