package org.factlab.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.factlab.experiments.FieldError;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every request under {@code /api/} that no call answers: {@code 405} with {@code Allow} when the path exists with
 * other methods, else {@code 404}, both with the JSON error body. Without it the request would fall through to the
 * app's HTML page with status 200.
 */
@RestController
class ApiFallbackController {

    private static final String PATTERN = "/api/**";

    private final RequestMappingHandlerMapping mappings;

    ApiFallbackController(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @RequestMapping(PATTERN)
    ResponseEntity<Map<String, List<FieldError>>> noSuchCall(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Set<String> allowed = methodsFor(request);
        if (!allowed.isEmpty()) {
            return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                    .header(HttpHeaders.ALLOW, String.join(", ", allowed))
                    .body(Map.of(
                            "errors",
                            List.of(new FieldError(
                                    "",
                                    request.getMethod() + " is not allowed on " + path + "; allowed: "
                                            + String.join(", ", allowed)))));
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Map.of(
                        "errors",
                        List.of(new FieldError(
                                "", "no API call at " + path + " (the calls are listed in README.md, REST API)"))));
    }

    /** The methods of the other calls whose path matches this request's. */
    private Set<String> methodsFor(HttpServletRequest request) {
        Set<String> methods = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            if (paths == null
                    || paths.getPatternValues().contains(PATTERN)
                    || paths.getMatchingCondition(request) == null) {
                continue;
            }
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
        }
        return methods;
    }
}
