package org.factlab.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.factlab.uploads.UploadLibrary;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The four calls of an upload library under the subclass's {@code @RequestMapping} path: {@code POST} (multipart,
 * field {@code file}, optional {@code name}) → 201 with the upload's description, {@code GET} the list,
 * {@code GET /{id}}, {@code DELETE /{id}} → 204 (its uploader or an admin with login on).
 *
 * @param <I> the description of one upload
 */
abstract class UploadsController<I extends UploadLibrary.Described> {

    private final Uploads uploads;
    private final UploadLibrary<I> library;
    private final String noun;

    /** @param noun what one upload is called in a 404, e.g. "model" */
    UploadsController(Uploads uploads, UploadLibrary<I> library, String noun) {
        this.uploads = uploads;
        this.library = library;
        this.noun = noun;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Object> upload(
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(value = "name", required = false) String name)
            throws IOException {
        return uploads.upload(file, name, library::add);
    }

    @GetMapping
    List<I> list() throws IOException {
        return library.list();
    }

    @GetMapping("/{id}")
    I get(@PathVariable String id) throws IOException {
        return library.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no " + noun + " " + id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) throws IOException {
        Optional<I> upload = deletable(id) ? library.find(id) : Optional.empty();
        return uploads.delete(id, upload.map(I::owner).orElse(null), upload.isPresent(), library::delete);
    }

    /** Whether an upload of this id may be deleted at all (false for bundled ones); true by default. */
    boolean deletable(String id) {
        return true;
    }
}
