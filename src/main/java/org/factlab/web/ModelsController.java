package org.factlab.web;

import org.factlab.uploads.ModelInfo;
import org.factlab.uploads.ModelLibrary;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Models for the {@code inspect} kind: {@code POST /api/models} (multipart, field {@code file}, optional {@code name})
 * → 201 {@code {"id", "name", "format", "layers": [{"in", "out", "bias"}], "activation", …}}; {@code GET /api/models}
 * (the bundled example first); {@code GET /api/models/{id}}; {@code DELETE /api/models/{id}} → 204.
 */
@RestController
@RequestMapping("/api/models")
class ModelsController extends UploadsController<ModelInfo> {

    ModelsController(Uploads uploads) {
        super(uploads, uploads.models(), "model");
    }

    /** The bundled example stays. */
    @Override
    boolean deletable(String id) {
        return !ModelLibrary.EXAMPLE.equals(id);
    }
}
