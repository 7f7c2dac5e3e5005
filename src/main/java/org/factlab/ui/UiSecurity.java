package org.factlab.ui;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * With login on, every request outside {@code /api/**}: Vaadin's configurer (the login view, logout, its CSRF
 * handling, and navigation access control from the views' {@code @PermitAll} / {@code @RolesAllowed} /
 * {@code @AnonymousAllowed}). Share links {@code /s/**} are open to anyone: the page and its downloads check the
 * token themselves.
 */
@Configuration
@ConditionalOnProperty(name = "factlab.auth.enabled", havingValue = "true")
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class UiSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain vaadinChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/s/**"))
                .permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }
}
