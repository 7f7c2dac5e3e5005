package org.factlab.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.factlab.experiments.inspect.DatasetInfo;
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
 * Tables for the {@code inspect} kind: {@code POST /api/datasets} (multipart, field {@code file}: a CSV with a header
 * row and the class label last, or an {@code .npz} with X and y) → 201 {@code {"id", "rows", "features", "classes",
 * …}}; {@code GET /api/datasets}; {@code GET /api/datasets/{id}}; {@code DELETE /api/datasets/{id}} → 204.
 */
@RestController
class DatasetsController {

    private final Uploads uploads;

    DatasetsController(Uploads uploads) {
        this.uploads = uploads;
    }

    @PostMapping(path = "/api/datasets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Object> upload(@RequestParam(value = "file", required = false) MultipartFile file,
                                  @RequestParam(value = "name", required = false) String name) throws IOException {
        return uploads.upload(file, name, uploads.datasets()::add);
    }

    @GetMapping("/api/datasets")
    List<DatasetInfo> list() throws IOException {
        return uploads.datasets().list();
    }

    @GetMapping("/api/datasets/{id}")
    DatasetInfo get(@PathVariable String id) throws IOException {
        return find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no dataset " + id));
    }

    @DeleteMapping("/api/datasets/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) throws IOException {
        Optional<DatasetInfo> dataset = find(id);
        return uploads.delete(id, dataset.map(DatasetInfo::owner).orElse(null), dataset.isPresent(),
                uploads.datasets()::delete);
    }

    private Optional<DatasetInfo> find(String id) throws IOException {
        return uploads.datasets().find(id);
    }
}
