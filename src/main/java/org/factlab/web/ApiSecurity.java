package org.factlab.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.factlab.access.ApiTokens;
import org.factlab.access.BearerTokenFilter;
import org.factlab.access.LoginThrottle;
import org.factlab.access.LoginThrottleFilter;
import org.factlab.access.Role;
import org.factlab.experiments.FieldError;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * With login on, {@code /api/**}: every call needs an account, from the browser's session or from HTTP basic
 * credentials or a personal API token ({@code Authorization: Bearer}, {@link BearerTokenFilter}) (scripts);
 * anonymous calls and unknown or revoked tokens get 401, calls the role does not allow 403, both as
 * {@code {"errors": [...]}}. Launching runs and studies needs a researcher; cancelling, sharing and revoking too,
 * uploading and deleting models and datasets too, and the
 * controllers then check ownership of runs and studies ({@code access.RunPermissions}).
 *
 * <p>CSRF: a request authenticated by the session cookie must carry the CSRF token, as browsers attach cookies to
 * cross-site requests. A request that carries HTTP basic credentials in its {@code Authorization} header is exempt: a
 * cross-site page cannot set that header, and the 401 answer has no Basic challenge, so a browser never prompts for,
 * caches and then automatically resends Basic credentials.
 *
 * <p>Brute force: while {@link LoginThrottle} blocks an account or client address, its calls with credentials get 429.
 */
@Configuration
@ConditionalOnProperty(name = "factlab.auth.enabled", havingValue = "true")
class ApiSecurity {

    private static final String SIGN_IN = "sign in: send HTTP basic credentials";
    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    private final ObjectMapper json;
    private final LoginThrottle throttle;
    private final ApiTokens tokens;
    private final UserDetailsService accounts;

    ApiSecurity(ObjectMapper json, LoginThrottle throttle, ApiTokens tokens, UserDetailsService accounts) {
        this.json = json;
        this.throttle = throttle;
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        String researcher = Role.RESEARCHER.name();
        return http.securityMatcher(PATHS.matcher("/api/**"))
                .authorizeHttpRequests(a -> a.requestMatchers(
                                PATHS.matcher(HttpMethod.POST, "/api/runs"),
                                PATHS.matcher(HttpMethod.POST, "/api/runs/*/cancel"),
                                PATHS.matcher(HttpMethod.POST, "/api/runs/*/share"),
                                PATHS.matcher(HttpMethod.POST, "/api/studies"),
                                PATHS.matcher(HttpMethod.POST, "/api/studies/*/cancel"),
                                PATHS.matcher(HttpMethod.POST, "/api/studies/*/share"),
                                PATHS.matcher(HttpMethod.DELETE, "/api/shares/*"),
                                PATHS.matcher(HttpMethod.POST, "/api/models"),
                                PATHS.matcher(HttpMethod.DELETE, "/api/models/*"),
                                PATHS.matcher(HttpMethod.POST, "/api/datasets"),
                                PATHS.matcher(HttpMethod.DELETE, "/api/datasets/*"))
                        .hasRole(researcher)
                        .anyRequest()
                        .hasRole(Role.VIEWER.name()))
                .httpBasic(b -> b.authenticationEntryPoint(this::unauthorized))
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(this::unauthorized).accessDeniedHandler(this::denied))
                .csrf(c -> c.ignoringRequestMatchers(ApiSecurity::sendsBasicCredentials, BearerTokenFilter::sendsToken))
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterBefore(new LoginThrottleFilter(throttle, "/login"), CsrfFilter.class)
                .addFilterBefore(
                        new BearerTokenFilter(
                                tokens,
                                accounts,
                                (request, response, e) ->
                                        error(response, HttpServletResponse.SC_UNAUTHORIZED, e.getMessage())),
                        CsrfFilter.class)
                .build();
    }

    private void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        error(response, HttpServletResponse.SC_UNAUTHORIZED, SIGN_IN);
    }

    /**
     * 403 for an account whose role does not allow the call; 401 for a caller without an account, whom the CSRF
     * check (which runs before authentication) turned away.
     */
    private void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || !a.isAuthenticated() || a instanceof AnonymousAuthenticationToken) {
            error(response, HttpServletResponse.SC_UNAUTHORIZED, SIGN_IN);
        } else if (e instanceof CsrfException) {
            error(
                    response,
                    HttpServletResponse.SC_FORBIDDEN,
                    "a call with the browser's session needs the CSRF token "
                            + "(header X-CSRF-TOKEN); scripts send HTTP basic credentials instead");
        } else {
            error(response, HttpServletResponse.SC_FORBIDDEN, "your role may not do this");
        }
    }

    private static boolean sendsBasicCredentials(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    }

    private void error(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("errors", List.of(new FieldError("", message))));
    }
}
