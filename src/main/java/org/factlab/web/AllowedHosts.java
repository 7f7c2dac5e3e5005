package org.factlab.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.factlab.runs.RequestLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The names this server answers to in a request's {@code Host} header: the loopback names, the configured
 * {@code server.address}, and {@code factlab.allowed-hosts} (comma-separated; {@code *.example.org} allows every
 * sub-domain, {@code *} allows any name). Any other name is refused, so a DNS-rebinding page cannot talk to a lab
 * that listens on the loopback interface.
 */
@Component
class AllowedHosts {

    static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "::1");

    private final List<String> names = new ArrayList<>(LOOPBACK);
    private final boolean any;

    AllowedHosts(RequestLimits limits, @Value("${server.address:}") String serverAddress) {
        if (!serverAddress.isBlank()) {
            names.add(strip(serverAddress.strip().toLowerCase(Locale.ROOT)));
        }
        boolean wildcard = false;
        for (String name : limits.allowedHosts()) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            if (n.equals("*")) {
                wildcard = true;
            } else if (!n.isEmpty()) {
                names.add(strip(n));
            }
        }
        this.any = wildcard;
    }

    /** Whether a {@code Host} header value (name, optionally {@code :port}; IPv6 in brackets) is allowed. */
    boolean allows(String hostHeader) {
        if (any) {
            return true;
        }
        String host = hostOnly(hostHeader.strip().toLowerCase(Locale.ROOT));
        for (String n : names) {
            if (n.equals(host)
                    || n.startsWith("*.") && host.endsWith(n.substring(1)) && host.length() > n.length() - 1) {
                return true;
            }
        }
        return false;
    }

    /** The name without its port and IPv6 brackets. */
    static String hostOnly(String header) {
        if (header.startsWith("[")) {
            int end = header.indexOf(']');
            return end < 0 ? header : header.substring(1, end);
        }
        int colon = header.indexOf(':');
        return colon >= 0 && header.indexOf(':', colon + 1) < 0 ? header.substring(0, colon) : header;
    }

    private static String strip(String name) {
        return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    }
}
