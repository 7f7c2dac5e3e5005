package org.factlab.access;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The accounts of {@link AuthProperties}, checked: with login on there must be at least one, each with a name (unique
 * without regard to case: logins compare names so, and a run's owner is the configured spelling), a bcrypt hash (never
 * a plain password: there is no default password anywhere) and a known role. Every problem is reported at once, naming
 * its property, and stops the start-up.
 */
final class Accounts {

    /** {@code $2a$}, {@code $2b$} or {@code $2y$}, a two-digit cost, 22 characters of salt and 31 of hash. */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./0-9A-Za-z]{53}");

    private Accounts() {}

    static InMemoryUserDetailsManager from(AuthProperties properties) {
        if (!properties.enabled()) {
            return new InMemoryUserDetailsManager();
        }
        if (properties.users().isEmpty()) {
            throw new IllegalStateException("factlab.auth.enabled=true but no account is configured: set "
                    + "factlab.auth.users[0].name, factlab.auth.users[0].password-hash (a bcrypt hash) and "
                    + "factlab.auth.users[0].role (viewer, researcher or admin)");
        }
        List<String> problems = new ArrayList<>();
        List<UserDetails> users = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < properties.users().size(); i++) {
            AuthProperties.Account a = properties.users().get(i);
            String prefix = "factlab.auth.users[" + i + "]";
            if (a.name() == null || a.name().isBlank()) {
                problems.add(prefix + ".name is missing");
            } else if (!names.add(a.name().toLowerCase(Locale.ROOT))) {
                problems.add(prefix + ".name '" + a.name() + "' is configured twice (names are compared without "
                        + "regard to case)");
            }
            if (a.passwordHash() == null || !BCRYPT.matcher(a.passwordHash()).matches()) {
                problems.add(prefix + ".password-hash is not a bcrypt hash ($2a$, $2b$ or $2y$, cost, 53 characters);"
                        + " plain passwords are not accepted");
            }
            Role role = null;
            try {
                role = Role.parse(prefix + ".role", a.role());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
            if (problems.isEmpty()) {
                users.add(User.withUsername(a.name())
                        .password(a.passwordHash())
                        .authorities(role.authorities())
                        .build());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "invalid accounts for factlab.auth.enabled=true: " + String.join("; ", problems));
        }
        return new InMemoryUserDetailsManager(users);
    }
}
