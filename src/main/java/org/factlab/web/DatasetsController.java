package org.factlab.web;

import org.factlab.uploads.DatasetInfo;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tables for the {@code inspect} kind: {@code POST /api/datasets} (multipart, field {@code file}: a CSV with a header
 * row and the class label last, or an {@code .npz} with X and y) → 201 {@code {"id", "rows", "features", "classes",
 * …}}; {@code GET /api/datasets}; {@code GET /api/datasets/{id}}; {@code DELETE /api/datasets/{id}} → 204.
 */
@RestController
@RequestMapping("/api/datasets")
class DatasetsController extends UploadsController<DatasetInfo> {

    DatasetsController(Uploads uploads) {
        super(uploads, uploads.datasets(), "dataset");
    }
}
