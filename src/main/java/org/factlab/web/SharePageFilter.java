package org.factlab.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factlab.access.ShareService;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The document request of a share page {@code GET /s/{token}}: an unknown or revoked token answers 404 here, with
 * one fixed sentence, before Vaadin would serve its page shell with status 200. A working token passes on to the
 * Vaadin route {@code ui.SharedRunView} (which reroutes a study token to {@code ui.SharedStudyView}).
 */
@Component
class SharePageFilter extends OncePerRequestFilter {

    static final String NOT_SHARED = "Nothing is shared at this link.\n";
    private static final Pattern PAGE = Pattern.compile("/s/([^/]*)/?");

    private final ShareService shares;

    SharePageFilter(ShareService shares) {
        this.shares = shares;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod())
                || !PAGE.matcher(pathOf(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher m = PAGE.matcher(pathOf(request));
        if (m.matches() && shares.opensSomething(m.group(1))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(NOT_SHARED.getBytes(StandardCharsets.UTF_8));
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
