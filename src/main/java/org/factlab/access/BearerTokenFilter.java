package org.factlab.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <secret>} on an API call: a working {@link ApiTokens token} signs the call in as its
 * owner with the owner's current role (an account no longer configured has none: 401); an unknown or revoked token
 * is answered by {@code unauthorized} (401) at once. Calls without a bearer token pass untouched. Not a bean: the API
 * filter chain creates it, so that it never runs outside that chain.
 */
public final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final UserDetailsService accounts;
    private final AuthenticationEntryPoint unauthorized;

    public BearerTokenFilter(ApiTokens tokens, UserDetailsService accounts, AuthenticationEntryPoint unauthorized) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.unauthorized = unauthorized;
    }

    /** Whether the request carries a bearer token (such calls need no CSRF token: a cross-site page cannot set it). */
    public static boolean sendsToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!sendsToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        String secret = request.getHeader(HttpHeaders.AUTHORIZATION)
                .substring(BEARER.length())
                .strip();
        Optional<UserDetails> user = tokens.authenticate(secret).flatMap(this::account);
        if (user.isEmpty()) {
            SecurityContextHolder.clearContext();
            unauthorized.commence(
                    request,
                    response,
                    new BadCredentialsException("the API token is unknown or revoked: create one on the Account page "
                            + "or with POST /api/tokens"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user.get().getUsername(), null, user.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Optional<UserDetails> account(String name) {
        try {
            return Optional.of(accounts.loadUserByUsername(name));
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }
}
