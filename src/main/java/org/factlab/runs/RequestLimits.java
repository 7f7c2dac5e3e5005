package org.factlab.runs;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the HTTP server accepts, under {@code factlab.*}: how large a request body and an uploaded file may be, and
 * which {@code Host} names it answers to. The defaults are those of application.properties.
 *
 * @param maxRequestBytes {@code factlab.max-request-bytes}: the largest REST request body; larger ones get 413
 * @param models          {@code factlab.models.*}: uploaded models and tables
 * @param allowedHosts    {@code factlab.allowed-hosts}: host names answered besides the loopback names and
 *                        {@code server.address} ({@code *.example.org}: its sub-domains, {@code *}: any name)
 */
@ConfigurationProperties("factlab")
public record RequestLimits(
        @DefaultValue("1048576") long maxRequestBytes,
        @DefaultValue Models models,
        @DefaultValue List<String> allowedHosts) {

    public RequestLimits {
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException(
                    "factlab.max-request-bytes is " + maxRequestBytes + "; allowed: 1 or more");
        }
        allowedHosts = List.copyOf(allowedHosts);
    }

    /**
     * Settings under {@code factlab.models.*}.
     *
     * @param maxBytes the largest model or table file {@code POST /api/models} and {@code POST /api/datasets} (and a
     *                 followed run's checkpoint) accept, in bytes (default 512 MiB); larger ones get 413
     */
    public record Models(@DefaultValue("536870912") long maxBytes) {
        public Models {
            if (maxBytes < 1) {
                throw new IllegalArgumentException("factlab.models.max-bytes is " + maxBytes + "; allowed: 1 or more");
            }
        }
    }
}
