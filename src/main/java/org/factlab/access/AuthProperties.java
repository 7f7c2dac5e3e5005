package org.factlab.access;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code factlab.auth.*}: login is off unless {@code enabled}; then {@code users} are the only
 * accounts ({@code factlab.auth.users[0].name}, {@code .password-hash} (bcrypt), {@code .role}).
 *
 * @param enabled whether the lab asks for a login (default false: a single-user laptop)
 * @param users   the accounts; required and checked at start-up when {@code enabled}
 */
@ConfigurationProperties("factlab.auth")
public record AuthProperties(boolean enabled, List<Account> users) {

    public AuthProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** One account as configured; {@code role} is viewer, researcher or admin. */
    public record Account(String name, String passwordHash, String role) {}
}
