package org.factlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.NestedExceptionUtils;

/** {@link RequestLimits} binds the public property names, with the documented defaults, and refuses limits below 1. */
class RequestLimitsTest {

    private static RequestLimits bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("factlab", RequestLimits.class);
    }

    @Test
    void defaultsAreOneMebibyteBodiesAndHalfAGibibyteFilesAndNoFurtherHosts() {
        RequestLimits limits = bind(Map.of());
        assertEquals(1L << 20, limits.maxRequestBytes());
        assertEquals(512L << 20, limits.models().maxBytes());
        assertEquals(List.of(), limits.allowedHosts());
    }

    @Test
    void thePublicPropertyNamesBind() {
        RequestLimits limits = bind(Map.of(
                "factlab.max-request-bytes",
                "2048",
                "factlab.models.max-bytes",
                "65536",
                "factlab.allowed-hosts",
                "lab.example.org,*.example.net"));
        assertEquals(2048, limits.maxRequestBytes());
        assertEquals(65536, limits.models().maxBytes());
        assertEquals(List.of("lab.example.org", "*.example.net"), limits.allowedHosts());
    }

    @Test
    void anEmptyHostListIsNoHost() {
        assertEquals(List.of(), bind(Map.of("factlab.allowed-hosts", "")).allowedHosts());
    }

    @Test
    void limitsBelowOneAreRefusedNamingTheProperty() {
        BindException body = assertThrows(BindException.class, () -> bind(Map.of("factlab.max-request-bytes", "0")));
        assertTrue(NestedExceptionUtils.getMostSpecificCause(body).getMessage().contains("factlab.max-request-bytes"));
        BindException file = assertThrows(BindException.class, () -> bind(Map.of("factlab.models.max-bytes", "-1")));
        assertTrue(NestedExceptionUtils.getMostSpecificCause(file).getMessage().contains("factlab.models.max-bytes"));
    }
}
