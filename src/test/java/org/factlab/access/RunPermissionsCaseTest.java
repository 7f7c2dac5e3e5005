package org.factlab.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** An upload or run recorded as {@code ada} is Ada's, whatever the case of either spelling. */
class RunPermissionsCaseTest {

    private final RunPermissions permissions = new RunPermissions(new CurrentUser(new AuthProperties(true, List.of())));

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void ownersAreComparedWithoutRegardToCase() {
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated("Ada", null, Role.RESEARCHER.authorities()));
        assertTrue(permissions.mayDeleteUpload("ada"));
        assertTrue(permissions.mayDeleteUpload("ADA"));
        assertFalse(permissions.mayDeleteUpload("bob"));
    }
}
