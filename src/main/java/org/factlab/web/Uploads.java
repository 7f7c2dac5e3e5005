package org.factlab.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.factlab.access.CurrentUser;
import org.factlab.access.RunPermissions;
import org.factlab.experiments.FieldError;
import org.factlab.runs.UploadLibraries;
import org.factlab.runs.UploadQuota;
import org.factlab.uploads.DatasetLibrary;
import org.factlab.uploads.ModelLibrary;
import org.factlab.uploads.UploadException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the upload endpoints share: the libraries ({@link UploadLibraries}), the size limit
 * ({@code factlab.models.max-bytes}), the account's quota ({@link UploadQuota}), who may upload and delete, and the
 * answers: 201 with the new entry, 400, 413 or 429 as {@code {"errors": [{"field", "message"}]}}.
 */
@Component
class Uploads {

    private final ModelLibrary models;
    private final DatasetLibrary datasets;
    private final long maxBytes;
    private final CurrentUser user;
    private final RunPermissions permissions;
    private final UploadQuota quota;

    Uploads(UploadLibraries libraries, CurrentUser user, RunPermissions permissions, UploadQuota quota) {
        this.models = libraries.models();
        this.datasets = libraries.datasets();
        this.maxBytes = libraries.maxBytes();
        this.user = user;
        this.permissions = permissions;
        this.quota = quota;
    }

    ModelLibrary models() {
        return models;
    }

    DatasetLibrary datasets() {
        return datasets;
    }

    /** The uploader recorded with a new entry: the signed-in account, or none with login off. */
    private String owner() {
        return user.name().orElse(null);
    }

    /** A library's way of reading and keeping an upload. */
    interface Adder<T> {
        T add(InputStream content, String fileName, String name, String owner, long maxBytes)
                throws UploadException, IOException;
    }

    /** Reads and keeps the multipart {@code file}: 201 with what was kept, else 400 or 413 naming the field. */
    <T> ResponseEntity<Object> upload(MultipartFile file, String name, Adder<T> adder) throws IOException {
        permissions.require(permissions.mayLaunch(), "upload files");
        if (file == null || file.isEmpty()) {
            return refusal(
                    HttpStatus.BAD_REQUEST,
                    new UploadException(
                            "file",
                            "is required: send the file as the " + "multipart field 'file' (it must not be empty)"));
        }
        if (file.getSize() > maxBytes) {
            return refusal(HttpStatus.PAYLOAD_TOO_LARGE, new UploadException.TooLarge(maxBytes));
        }
        try (UploadQuota.Lease lease = quota.acquire(owner(), file.getSize());
                InputStream in = file.getInputStream()) {
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(adder.add(in, file.getOriginalFilename(), name, owner(), maxBytes));
        } catch (UploadQuota.Refusal e) {
            return refusal(HttpStatus.valueOf(e.status()), new UploadException("file", e.getMessage()));
        } catch (UploadException.TooLarge e) {
            return refusal(HttpStatus.PAYLOAD_TOO_LARGE, e);
        } catch (UploadException e) {
            return refusal(HttpStatus.BAD_REQUEST, e);
        }
    }

    /** 204 after deleting an upload its owner (or an admin) asked to delete; 404 for an unknown id. */
    ResponseEntity<Void> delete(String id, String owner, boolean exists, Deleter deleter) throws IOException {
        if (!exists) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no upload " + id);
        }
        permissions.require(permissions.mayDeleteUpload(owner), "delete this upload");
        deleter.delete(id);
        return ResponseEntity.noContent().build();
    }

    interface Deleter {
        boolean delete(String id) throws IOException;
    }

    private static ResponseEntity<Object> refusal(HttpStatus status, UploadException e) {
        return ResponseEntity.status(status).body(Map.of("errors", List.of(new FieldError(e.field(), e.getMessage()))));
    }
}
