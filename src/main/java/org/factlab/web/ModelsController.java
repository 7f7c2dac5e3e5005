package org.factlab.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.factlab.experiments.inspect.ModelInfo;
import org.factlab.experiments.inspect.ModelLibrary;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Models for the {@code inspect} kind: {@code POST /api/models} (multipart, field {@code file}, optional {@code name})
 * → 201 {@code {"id", "name", "format", "layers": [{"in", "out", "bias"}], "activation", …}}; {@code GET /api/models}
 * (the bundled example first); {@code GET /api/models/{id}}; {@code DELETE /api/models/{id}} → 204.
 */
@RestController
class ModelsController {

    private final Uploads uploads;

    ModelsController(Uploads uploads) {
        this.uploads = uploads;
    }

    @PostMapping(path = "/api/models", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Object> upload(@RequestParam(value = "file", required = false) MultipartFile file,
                                  @RequestParam(value = "name", required = false) String name) throws IOException {
        return uploads.upload(file, name, uploads.models()::add);
    }

    @GetMapping("/api/models")
    List<ModelInfo> list() throws IOException {
        return uploads.models().list();
    }

    @GetMapping("/api/models/{id}")
    ModelInfo get(@PathVariable String id) throws IOException {
        return find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no model " + id));
    }

    @DeleteMapping("/api/models/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) throws IOException {
        Optional<ModelInfo> model = ModelLibrary.EXAMPLE.equals(id) ? Optional.empty() : find(id);
        return uploads.delete(id, model.map(ModelInfo::owner).orElse(null), model.isPresent(),
                uploads.models()::delete);
    }

    private Optional<ModelInfo> find(String id) throws IOException {
        return uploads.models().find(id);
    }
}
