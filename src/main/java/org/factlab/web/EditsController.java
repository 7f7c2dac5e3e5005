package org.factlab.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factlab.access.RunPermissions;
import org.factlab.experiments.FieldError;
import org.factlab.experiments.SpecValidationException;

/**
 * What the controllers that edit runs and studies share: who may do what ({@link RunPermissions}) and the checks of
 * a {@code PATCH} body, each refusal naming the key.
 */
abstract class EditsController {

    protected final RunPermissions permissions;

    protected EditsController(RunPermissions permissions) {
        this.permissions = permissions;
    }

    /** Refuses a body with keys other than {@code allowed}, naming each. */
    static void onlyKeys(Map<String, Object> body, Set<String> allowed) {
        List<FieldError> errors = new ArrayList<>();
        body.keySet().stream()
                .filter(k -> !allowed.contains(k))
                .sorted()
                .forEach(k -> errors.add(new FieldError(
                        k,
                        "is not a field of this call; allowed: "
                                + String.join(", ", allowed.stream().sorted().toList()))));
        if (!errors.isEmpty()) {
            throw new SpecValidationException(errors);
        }
    }

    /** A text value of the body, null when absent; anything but a string is refused naming the key. */
    static String text(Map<String, Object> body, String key) {
        Object v = body.get(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw new SpecValidationException(key, "is not a string");
    }
}
