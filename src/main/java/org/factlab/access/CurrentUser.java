package org.factlab.access;

import java.util.Optional;
import org.factlab.runs.RunOwner;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The account behind the current request (HTTP or Vaadin), from Spring Security's context. With login off there is
 * no account and every role is granted: the lab behaves as a single-user laptop.
 */
@Component
public class CurrentUser implements RunOwner {

    private final boolean loginEnabled;

    public CurrentUser(AuthProperties properties) {
        this.loginEnabled = properties.enabled();
    }

    public boolean loginEnabled() {
        return loginEnabled;
    }

    /** The signed-in account's name; empty with login off or for an anonymous visitor. */
    public Optional<String> name() {
        return authentication().map(Authentication::getName);
    }

    @Override
    public Optional<String> current() {
        return name();
    }

    /** Whether the current account has {@code role} (roles include lower ones); always true with login off. */
    public boolean has(Role role) {
        if (!loginEnabled) {
            return true;
        }
        return authentication()
                .map(a -> a.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(role.authority()::equals))
                .orElse(false);
    }

    /** The highest role the current account has (ADMIN with login off). */
    public Role role() {
        Role highest = Role.VIEWER;
        for (Role r : Role.values()) {
            if (has(r)) {
                highest = r;
            }
        }
        return highest;
    }

    private Optional<Authentication> authentication() {
        if (!loginEnabled) {
            return Optional.empty();
        }
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null || !a.isAuthenticated() || a instanceof AnonymousAuthenticationToken
                ? Optional.empty()
                : Optional.of(a);
    }
}
