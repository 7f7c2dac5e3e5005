package org.factlab.web;

import jakarta.servlet.http.HttpServletRequest;

/** Where the REST API lives: every path under {@code /api/} of the server's context. */
final class ApiPaths {

    private ApiPaths() {}

    /** Whether the request is a call of the REST API. */
    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
