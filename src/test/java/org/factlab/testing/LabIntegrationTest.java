package org.factlab.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.factlab.runs.TestKindsConfig;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;

/**
 * An integration test against the whole application on a random port: H2 in a data folder of its own
 * ({@link LabSetup}), the scripted test kind next to the built-in ones, {@link org.factlab.runs.ApiClient} and
 * {@link org.factlab.runs.AccountsClient} to autowire ({@link LabClients}), and no runs or studies when the class
 * starts ({@link FreshLab}). Test classes with the same {@link #properties} share one Spring context (Spring caches
 * it), so a class asks only for the settings it tests: {@code factlab.auth.enabled=true} turns login on with the
 * accounts of {@link TestAccounts}; {@link #OWN_DATASETS} keeps uploads and followed runs' inboxes in the context's
 * folder instead of {@code ./data}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = LabSetup.class)
@Import({TestKindsConfig.class, LabClients.class})
@ExtendWith(FreshLab.class)
public @interface LabIntegrationTest {

    /** The datasets directory inside the context's data folder (written by uploads and followed runs). */
    String OWN_DATASETS = "factlab.datasets-dir=${factlab.data-dir}/datasets";

    /** Settings of this test's lab, {@code key=value}; classes with the same settings share a context. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};
}
