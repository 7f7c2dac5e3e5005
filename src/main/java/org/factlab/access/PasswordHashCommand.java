package org.factlab.access;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Prints the bcrypt hash of a password for {@code factlab.auth.users[i].password-hash}. The password is read
 * from the terminal without echo (or from the first line of standard input when piped), never from the
 * command line, so it stays out of the shell history. See README, "Access and sharing".
 */
public final class PasswordHashCommand {

    /** BCrypt cost: 2¹² rounds, about a quarter of a second per login check. */
    static final int COST = 12;

    private PasswordHashCommand() {}

    public static void main(String[] args) throws IOException {
        String password = read();
        if (password == null || password.isEmpty()) {
            System.err.println("no password given");
            System.exit(2);
        }
        System.out.println(hash(password));
    }

    static String hash(String password) {
        return new BCryptPasswordEncoder(COST).encode(password);
    }

    private static String read() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("password: ");
            return typed == null ? null : new String(typed);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}
