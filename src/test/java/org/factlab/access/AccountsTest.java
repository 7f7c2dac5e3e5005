package org.factlab.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Accounts from configuration: bcrypt hashes only, known roles, and no start-up with login on but no account. */
class AccountsTest {

    private static final String HASH = new BCryptPasswordEncoder(4).encode("secret");

    @Test
    void loginOffHasNoAccountAtAllEvenWhenSomeAreConfigured() {
        var users = Accounts.from(new AuthProperties(false, List.of(new AuthProperties.Account("a", HASH, "admin"))));
        assertThrows(UsernameNotFoundException.class, () -> users.loadUserByUsername("a"));
    }

    @Test
    void accountNamesAreOneAccountWhateverTheirCase() {
        var users = Accounts.from(new AuthProperties(true, List.of(new AuthProperties.Account("ada", HASH, "admin"))));
        assertEquals("ada", users.loadUserByUsername("ADA").getUsername(), "the configured spelling");
        IllegalStateException twice = assertThrows(
                IllegalStateException.class,
                () -> Accounts.from(new AuthProperties(
                        true,
                        List.of(
                                new AuthProperties.Account("ada", HASH, "admin"),
                                new AuthProperties.Account("Ada", HASH, "viewer")))));
        assertTrue(
                twice.getMessage().contains("factlab.auth.users[1].name 'Ada' is configured twice"),
                twice.getMessage());
    }

    @Test
    void eachRoleIncludesTheRolesBelowIt() {
        var users = Accounts.from(new AuthProperties(
                true,
                List.of(
                        new AuthProperties.Account("v", HASH, "viewer"),
                        new AuthProperties.Account("r", HASH, "Researcher"),
                        new AuthProperties.Account("a", HASH, "ADMIN"))));
        assertEquals(
                Set.of("ROLE_VIEWER"), authorities(users.loadUserByUsername("v").getAuthorities()));
        assertEquals(
                Set.of("ROLE_VIEWER", "ROLE_RESEARCHER"),
                authorities(users.loadUserByUsername("r").getAuthorities()));
        assertEquals(
                Set.of("ROLE_VIEWER", "ROLE_RESEARCHER", "ROLE_ADMIN"),
                authorities(users.loadUserByUsername("a").getAuthorities()));
        assertEquals(HASH, users.loadUserByUsername("a").getPassword());
    }

    @Test
    void everyProblemIsNamedByItsProperty() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> Accounts.from(new AuthProperties(
                        true,
                        List.of(
                                new AuthProperties.Account("ok", HASH, "viewer"),
                                new AuthProperties.Account("ok", "secret", "boss"),
                                new AuthProperties.Account(" ", "{noop}secret", "admin")))));
        String m = e.getMessage();
        assertTrue(m.contains("factlab.auth.users[1].name 'ok' is configured twice"), m);
        assertTrue(m.contains("factlab.auth.users[1].password-hash is not a bcrypt hash"), m);
        assertTrue(m.contains("factlab.auth.users[1].role is 'boss'; allowed: viewer, researcher, admin"), m);
        assertTrue(m.contains("factlab.auth.users[2].name is missing"), m);
        assertTrue(m.contains("factlab.auth.users[2].password-hash is not a bcrypt hash"), m);
        assertTrue(!m.contains("users[0]"), m);
    }

    @Test
    void loginOnWithoutAccountsStopsTheStartWithAClearMessage() {
        new ApplicationContextRunner()
                .withUserConfiguration(Properties.class, AccessConfig.class)
                .withPropertyValues("factlab.auth.enabled=true")
                .run(context -> {
                    Throwable failure = context.getStartupFailure();
                    while (failure.getCause() != null) {
                        failure = failure.getCause();
                    }
                    assertTrue(
                            failure.getMessage()
                                    .startsWith("factlab.auth.enabled=true but no account is configured: set "
                                            + "factlab.auth.users[0].name"),
                            failure.getMessage());
                });
    }

    @Test
    void theHashCommandMakesHashesTheAccountsAccept() {
        String hash = PasswordHashCommand.hash("correct horse");
        assertTrue(new BCryptPasswordEncoder().matches("correct horse", hash));
        assertTrue(hash.startsWith("$2a$" + PasswordHashCommand.COST + "$"), hash);
        Accounts.from(new AuthProperties(true, List.of(new AuthProperties.Account("x", hash, "viewer"))));
    }

    private static Set<String> authorities(java.util.Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }

    @Configuration
    @EnableConfigurationProperties(AuthProperties.class)
    static class Properties {}
}
