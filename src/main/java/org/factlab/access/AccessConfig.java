package org.factlab.access;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Accounts and the login switch. With {@code factlab.auth.enabled} false (the default) one filter chain lets
 * every request through, as before login existed (Vaadin keeps its own CSRF protection of its requests); with it
 * true the API chain ({@code web.ApiSecurity}) and the Vaadin chain ({@code ui.UiSecurity}) take over.
 */
@Configuration
class AccessConfig {

    static final String ENABLED = "factlab.auth.enabled";

    /** The configured accounts (none with login off, so Spring Boot never generates a default password). */
    @Bean
    UserDetailsService accounts(AuthProperties properties) {
        return Accounts.from(properties);
    }

    /** bcrypt, with successful checks remembered briefly ({@link CachingPasswordEncoder}). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new CachingPasswordEncoder(new BCryptPasswordEncoder(), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnProperty(name = ENABLED, havingValue = "false", matchIfMissing = true)
    SecurityFilterChain openAccess(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }
}
