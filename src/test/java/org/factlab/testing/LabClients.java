package org.factlab.testing;

import org.factlab.runs.AccountsClient;
import org.factlab.runs.ApiClient;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import org.springframework.core.env.Environment;

/**
 * The REST clients of a {@link LabIntegrationTest}: a new one for each test instance that asks for it (made then, when
 * the port is known), so that test classes sharing a context share no HTTP connections.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LabClients {

    /** The API as a script calls it, anonymously. */
    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    ApiClient apiClient(Environment environment) {
        return new ApiClient(port(environment));
    }

    /** The API called by one of the {@link TestAccounts} (HTTP basic) or anonymously. */
    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    AccountsClient accountsClient(Environment environment) {
        return new AccountsClient(port(environment), TestAccounts.ALL);
    }

    private static int port(Environment environment) {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }
}
