package org.factlab.access;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What an account may do. Each role includes the ones before it: a viewer sees runs; a researcher also launches
 * runs and cancels and shares their own; an admin does everything.
 */
public enum Role {
    VIEWER,
    RESEARCHER,
    ADMIN;

    /** Spring authorities {@code ROLE_<name>} of this role and of every role it includes. */
    public List<GrantedAuthority> authorities() {
        return Arrays.stream(values())
                .filter(r -> r.ordinal() <= ordinal())
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority()))
                .toList();
    }

    public String authority() {
        return "ROLE_" + name();
    }

    /** The role written in configuration (any case); the message names the property and the allowed values. */
    static Role parse(String property, String text) {
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return r;
            }
        }
        throw new IllegalArgumentException(property + " is '" + text + "'; allowed: "
                + String.join(
                        ", ",
                        Arrays.stream(values())
                                .map(r -> r.name().toLowerCase(Locale.ROOT))
                                .toList()));
    }
}
