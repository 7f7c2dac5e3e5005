package org.factlab.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The accounts of a test lab with login on: {name, password, role}. The passwords exist only here; the server sees
 * their bcrypt hashes. One role is written in capitals (roles are read case-insensitively).
 */
public final class TestAccounts {

    public static final String[][] ALL = {
        {"vera", "viewer-pass", "viewer"},
        {"rita", "researcher-pass", "researcher"},
        {"remy", "other-researcher-pass", "RESEARCHER"},
        {"ada", "admin-pass", "admin"},
        {"tess", "target-pass", "researcher"},
        {"ruth", "parallel-pass", "researcher"},
        {"ulla", "upload-pass", "researcher"},
    };

    private TestAccounts() {}

    /** {@code factlab.auth.users[i].*} of every account. */
    static Map<String, Object> properties() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < ALL.length; i++) {
            String user = "factlab.auth.users[" + i + "].";
            out.put(user + "name", ALL[i][0]);
            out.put(user + "password-hash", bcrypt.encode(ALL[i][1]));
            out.put(user + "role", ALL[i][2]);
        }
        return out;
    }
}
