package org.factlab.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 to a login attempt (HTTP basic credentials, or the login form's POST) while {@link LoginThrottle}
 * blocks its account or client address. Placed before the authentication filters of both security chains.
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
        if ((form || account != null) && throttle.blocked(account, request.getRemoteAddr())) {
            log.warn("refused a login for '{}' from {}: too many failed logins",
                    account == null ? "" : account.replaceAll("[^\\x20-\\x7e]", "?"), request.getRemoteAddr());
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(LoginThrottle.WINDOW.toSeconds()));
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(("{\"errors\":[{\"field\":\"\",\"message\":\"too many failed logins for "
                    + "this account or from this address; try again in " + LoginThrottle.WINDOW.toMinutes()
                    + " minutes\"}]}").getBytes(StandardCharsets.UTF_8));
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
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
