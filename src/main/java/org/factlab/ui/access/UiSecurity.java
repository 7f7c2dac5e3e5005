package org.factlab.ui.access;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.factlab.access.LoginThrottle;
import org.factlab.access.LoginThrottleFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * With login on, every request outside {@code /api/**}: Vaadin's configurer (the login view, logout, its CSRF
 * handling of its own requests, and navigation access control from the views' {@code @PermitAll} / {@code
 * @RolesAllowed} /
 * {@code @AnonymousAllowed}). Share links {@code /s/**} are open to anyone: the page and its downloads check the
 * token themselves.
 *
 * <p>Unlike Vaadin's default, the login form's POST must carry Spring Security's CSRF token: Vaadin's login form
 * reads it from the {@code _csrf} meta tags of the page and sends it. Vaadin's own requests keep Vaadin's CSRF
 * check. While {@link LoginThrottle} blocks an account or client address, its form logins get 429.
 */
@Configuration
@ConditionalOnProperty(name = "factlab.auth.enabled", havingValue = "true")
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class UiSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain vaadinChain(HttpSecurity http, RequestUtil vaadinRequests, LoginThrottle throttle)
            throws Exception {
        http.authorizeHttpRequests(
                a -> a.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/s/**"))
                        .permitAll());
        http.csrf(c -> c.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.addFilterBefore(new LoginThrottleFilter(throttle, "/login"), CsrfFilter.class);
        return http.with(
                        VaadinSecurityConfigurer.vaadin(),
                        vaadin -> vaadin.loginView(LoginView.class).enableCsrfConfiguration(false))
                .build();
    }
}
