package org.factlab.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.factlab.access.AuthProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With login off the server listens on the loopback interface only ({@code 127.0.0.1}), as Jupyter and the MLflow
 * server do, unless the administrator sets {@code server.address} (and then should turn login on).
 */
@Component
class LoopbackBinding implements WebServerFactoryCustomizer<ConfigurableWebServerFactory> {

    private static final Logger log = LoggerFactory.getLogger(LoopbackBinding.class);

    private final boolean loginEnabled;
    private final Environment environment;

    LoopbackBinding(AuthProperties auth, Environment environment) {
        this.loginEnabled = auth.enabled();
        this.environment = environment;
    }

    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        if (loginEnabled || environment.containsProperty("server.address")) {
            return;
        }
        try {
            factory.setAddress(InetAddress.getByName("127.0.0.1"));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("cannot resolve 127.0.0.1", e);
        }
        log.info("login is off: listening on 127.0.0.1 only (set server.address, and turn login on, to serve others)");
    }
}
