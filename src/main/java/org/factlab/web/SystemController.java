package org.factlab.web;

import java.util.Map;
import org.factlab.runs.ComputeBackend;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/system}: the compute backend, device and library versions of this server. */
@RestController
class SystemController {

    private final ComputeBackend backend;

    SystemController(ComputeBackend backend) {
        this.backend = backend;
    }

    @GetMapping("/api/system")
    Map<String, Object> system() {
        return backend.system();
    }
}
