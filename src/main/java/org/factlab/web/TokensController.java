package org.factlab.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.factlab.access.ApiToken;
import org.factlab.access.ApiTokens;
import org.factlab.access.CurrentUser;
import org.factlab.experiments.SpecValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The signed-in account's API tokens: {@code POST /api/tokens {"name"}} → 201 {@code {"id", "name", "created",
 * "token"}} (the secret, shown this once); {@code GET /api/tokens} → {@code [{id, name, created, lastUsed,
 * revoked}]}; {@code DELETE /api/tokens/{id}} → 204. With login off there are no accounts and no tokens (404).
 */
@RestController
class TokensController {

    record CreateRequest(String name) {}

    record Created(String id, String name, String created, String token) {}

    record Listed(String id, String name, String created, String lastUsed, String revoked) {
        static Listed of(ApiToken t) {
            return new Listed(t.id(), t.name(), t.created().toString(), text(t.lastUsed()), text(t.revoked()));
        }

        private static String text(Object instant) {
            return instant == null ? null : instant.toString();
        }
    }

    private final ApiTokens tokens;
    private final CurrentUser user;

    TokensController(ApiTokens tokens, CurrentUser user) {
        this.tokens = tokens;
        this.user = user;
    }

    @PostMapping("/api/tokens")
    ResponseEntity<Created> create(@RequestBody(required = false) CreateRequest request) {
        String owner = owner();
        try {
            ApiTokens.Created c = tokens.create(owner, request == null ? null : request.name());
            return ResponseEntity.created(URI.create("/api/tokens/" + c.token().id()))
                    .body(new Created(
                            c.token().id(),
                            c.token().name(),
                            c.token().created().toString(),
                            c.secret()));
        } catch (IllegalArgumentException e) {
            throw new SpecValidationException("name", e.getMessage().substring("name: ".length()));
        }
    }

    @GetMapping("/api/tokens")
    List<Listed> list() {
        return tokens.list(owner()).stream().map(Listed::of).toList();
    }

    @DeleteMapping("/api/tokens/{id}")
    ResponseEntity<Map<String, Object>> revoke(@PathVariable String id) {
        if (!tokens.revoke(owner(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "you have no working token " + id);
        }
        return ResponseEntity.noContent().build();
    }

    private String owner() {
        return user.name()
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND,
                        "login is off (factlab.auth.enabled=false): there are no accounts and no API tokens; scripts "
                                + "need none"));
    }
}
