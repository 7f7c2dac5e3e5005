package org.factlab.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 to a login attempt (HTTP basic credentials, or the login form's POST) while {@link LoginThrottle}
 * makes its account at its client address (or the address) wait, with {@code Retry-After}. Placed before the
 * authentication filters of both security chains.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);

    private final LoginThrottle throttle;
    private final String loginPath;

    /** @param loginPath the path the login form posts to, e.g. {@code /login} */
    public LoginThrottleFilter(LoginThrottle throttle, String loginPath) {
        this.throttle = throttle;
        this.loginPath = loginPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String account = basicAccount(request);
        boolean form = "POST".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + loginPath);
        if (form) {
            account = request.getParameter("username");
        }
        Duration wait = form || account != null ? throttle.wait(account, request.getRemoteAddr()) : Duration.ZERO;
        if (!wait.isZero()) {
            long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
            log.warn(
                    "refused a login for '{}' from {}: too many failed logins, {} s to wait",
                    account == null ? "" : account.replaceAll("[^\\x20-\\x7e]", "?"),
                    request.getRemoteAddr(),
                    seconds);
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream()
                    .write(("{\"errors\":[{\"field\":\"\",\"message\":\"too many failed logins for "
                                    + "this account from this address; try again in " + seconds
                                    + " seconds (each further failure doubles the wait)\"}]}")
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The account name of HTTP basic credentials, or null. */
    private static String basicAccount(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
