package org.factlab.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Share tokens: 192 bits, URL-safe, and the bits look uniformly random. */
class ShareTokenTest {

    private static final int TOKENS = 20_000;

    @Test
    void tokensAre192UniformBitsInUrlSafeBase64() {
        int bits = ShareService.TOKEN_BYTES * 8;
        assertTrue(bits >= 128);
        int[] ones = new int[bits];
        Set<String> seen = new HashSet<>();
        for (int t = 0; t < TOKENS; t++) {
            String token = ShareService.newToken();
            assertTrue(token.matches("[A-Za-z0-9_-]{32}"), token);
            assertTrue(seen.add(token), "a repeated token");
            byte[] bytes = Base64.getUrlDecoder().decode(token);
            assertEquals(ShareService.TOKEN_BYTES, bytes.length);
            for (int i = 0; i < bits; i++) {
                ones[i] += (bytes[i / 8] >> (i % 8)) & 1;
            }
        }
        // Each bit is 1 with probability 1/2: the count's standard deviation is √(N/4) ≈ 71; allow 6σ.
        double sigma = Math.sqrt(TOKENS / 4.0);
        for (int i = 0; i < bits; i++) {
            assertTrue(Math.abs(ones[i] - TOKENS / 2.0) < 6 * sigma, "bit " + i + " is 1 in " + ones[i] + " tokens");
        }
    }
}
