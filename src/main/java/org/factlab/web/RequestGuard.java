package org.factlab.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.factlab.access.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first check of every request, before login: the {@code Host} must be an allowed name ({@link AllowedHosts});
 * with login off, a call that changes something under {@code /api/} (POST, PUT, PATCH, DELETE) must send a JSON
 * body ({@code Content-Type: application/json}), come from a page of this server (same-origin {@code Origin}), or
 * carry an {@code X-Requested-With} header (how scripts upload multipart files:
 * {@code curl -H 'X-Requested-With: curl' -F file=@model.safetensors .../api/models}), so that a page of another site
 * cannot reach it with a form: a form cannot set that header, and a cross-site script that sets it is stopped by the
 * browser's CORS preflight, which this server never grants. Every answer carries the Content-Security-Policy and the
 * Referrer-Policy.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestGuard extends OncePerRequestFilter {

    /**
     * Vaadin's client needs inline styles and, in places, inline scripts and eval; everything else comes from this
     * server. Pages may not be framed by other sites, nor post forms elsewhere.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' "
            + "'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'self'";

    /** Links to other sites get no referrer, so a share link's token in the address never leaves this server. */
    static final String REFERRER_POLICY = "same-origin";

    private static final Logger log = LoggerFactory.getLogger(RequestGuard.class);
    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AllowedHosts hosts;
    private final boolean loginEnabled;

    RequestGuard(AllowedHosts hosts, CurrentUser user) {
        this.hosts = hosts;
        this.loginEnabled = user.loginEnabled();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        String host = request.getHeader(HttpHeaders.HOST);
        if (host != null && !hosts.allows(host)) {
            log.warn("refused a request for host '{}' from {}", printable(host), request.getRemoteAddr());
            refuse(
                    request,
                    response,
                    "Host",
                    "'" + printable(host) + "' is not a name of this server; an administrator adds it to "
                            + "factlab.allowed-hosts");
            return;
        }
        if (!loginEnabled
                && ApiPaths.isApi(request)
                && CHANGING.contains(request.getMethod().toUpperCase(Locale.ROOT))
                && !sendsJson(request)
                && !sameOrigin(request)
                && !scripted(request)) {
            refuse(
                    request,
                    response,
                    "Content-Type",
                    "a call that changes something needs a JSON body (Content-Type: application/json), a header "
                            + "X-Requested-With (e.g. for multipart uploads from scripts) or must come from a page of "
                            + "this server");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean sendsJson(HttpServletRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !sameOrigin(request)) {
            return false;
        }
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            MediaType media = MediaType.parseMediaType(type);
            return media.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || media.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A header no cross-site form can send, from a caller that is not a page of another site. */
    private static boolean scripted(HttpServletRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        String marker = request.getHeader("X-Requested-With");
        return marker != null && !marker.isBlank() && (origin == null || sameOrigin(request));
    }

    /** The {@code Origin} is this server as the browser reached it (scheme, host and port of the request). */
    private static boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        String host = request.getHeader(HttpHeaders.HOST);
        return origin != null && host != null && origin.equalsIgnoreCase(request.getScheme() + "://" + host);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String field, String message)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        if (ApiPaths.isApi(request)) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream()
                    .write(("{\"errors\":[{\"field\":\"" + field + "\",\"message\":\""
                                    + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}]}")
                            .getBytes(StandardCharsets.UTF_8));
        } else {
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
