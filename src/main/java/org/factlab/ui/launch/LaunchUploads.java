package org.factlab.ui.launch;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.spring.annotation.SpringComponent;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.function.BiConsumer;
import org.factlab.access.CurrentUser;
import org.factlab.access.RunPermissions;
import org.factlab.runs.UploadLibraries;
import org.factlab.runs.UploadQuota;
import org.factlab.uploads.DatasetInfo;
import org.factlab.uploads.ModelInfo;
import org.factlab.uploads.UploadException;
import org.springframework.context.annotation.Scope;

/**
 * The launch form's uploads for the {@code inspect} kind: a model file (safetensors, Keras .h5/.keras, DL4J .zip)
 * and a data table (.csv, .npz), each read and kept as {@code POST /api/models} and {@code POST /api/datasets} keep
 * them; the new id is filled into the form's {@code model} or {@code dataset} field, and what was read (or why the
 * file was refused) is shown beside it.
 */
@SpringComponent
@Scope("prototype")
class InspectUploads extends VerticalLayout {

    private final UploadLibraries libraries;
    private final CurrentUser user;
    private final RunPermissions permissions;
    private final UploadQuota quota;
    private final Span status = new Span();
    private final Span available = new Span();
    private BiConsumer<String, String> fill = (field, value) -> { };

    InspectUploads(UploadLibraries libraries, CurrentUser user, RunPermissions permissions, UploadQuota quota) {
        this.libraries = libraries;
        this.quota = quota;
        this.user = user;
        this.permissions = permissions;
        setPadding(false);
        setId("inspect-uploads");
        status.setId("upload-status");
        int max = (int) Math.min(Integer.MAX_VALUE, libraries.maxBytes());
        Upload model = upload("upload-model", "Upload a model (.safetensors, .h5, .keras, .zip)", max,
                this::addModel, ".safetensors", ".h5", ".keras", ".zip");
        Upload table = upload("upload-dataset", "Upload a table (.csv with the label last, .npz with X and y)", max,
                this::addTable, ".csv", ".npz");
        available.setId("available-uploads");
        add(new HorizontalLayout(model, table), status, available);
        addAttachListener(e -> listAvailable());
    }

    /** One line naming the models and tables a run can use now, by id. */
    private void listAvailable() {
        try {
            String models = libraries.models().list().stream()
                    .map(m -> m.id() + " (" + m.inputs() + "→" + m.outputs() + ")")
                    .collect(java.util.stream.Collectors.joining(", "));
            String tables = libraries.datasets().list().stream()
                    .map(d -> d.id() + " (" + d.rows() + "×" + d.features() + ")")
                    .collect(java.util.stream.Collectors.joining(", "));
            available.setText("Models: " + models + ". Tables: " + (tables.isEmpty() ? "none uploaded" : tables)
                    + "; or mnist, fashion-mnist, cifar10.");
        } catch (IOException e) {
            available.setText("The uploads cannot be listed: " + e.getMessage());
        }
    }

    /** Where an uploaded file's id goes: the form's field {@code model} or {@code dataset}. */
    void onUploaded(BiConsumer<String, String> fill) {
        this.fill = fill;
    }

    private interface Adder {
        String add(InputStream in, String fileName) throws UploadException, IOException;
    }

    private Upload upload(String id, String label, int maxBytes, Adder adder, String... types) {
        Upload upload = new Upload(UploadHandler.toTempFile((metadata, file) -> keep(adder, metadata.fileName(), file)));
        upload.setId(id);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(maxBytes);
        upload.setAcceptedFileTypes(types);
        upload.setUploadButton(new com.vaadin.flow.component.button.Button(label));
        upload.addFileRejectedListener(e -> status.setText("Not uploaded: " + e.getErrorMessage()));
        return upload;
    }

    private void keep(Adder adder, String fileName, File file) {
        String message;
        try (UploadQuota.Lease lease = quota.acquire(user.name().orElse(null), file.length());
             InputStream in = Files.newInputStream(file.toPath())) {
            message = permissions.mayLaunch() ? adder.add(in, fileName) : "Not uploaded: your role may not upload files";
        } catch (UploadException | UploadQuota.Refusal e) {
            message = "Not uploaded: " + e.getMessage();
        } catch (IOException e) {
            message = "Not uploaded: " + e.getMessage();
        } finally {
            file.delete();
        }
        String text = message;
        getUI().ifPresent(ui -> ui.access(() -> {
            status.setText(text);
            listAvailable();
        }));
    }

    private String addModel(InputStream in, String fileName) throws UploadException, IOException {
        ModelInfo m = libraries.models().add(in, fileName, null, user.name().orElse(null), libraries.maxBytes());
        fillLater("model", m.id());
        return "Model " + m.id() + " (" + m.format() + "): " + m.layers().size() + " dense layers, "
                + m.inputs() + " inputs → " + m.outputs() + " outputs"
                + (m.activation() == null ? "; choose its activation below" : ", activation " + m.activation());
    }

    private String addTable(InputStream in, String fileName) throws UploadException, IOException {
        DatasetInfo d = libraries.datasets().add(in, fileName, null, user.name().orElse(null), libraries.maxBytes());
        fillLater("dataset", d.id());
        return "Table " + d.id() + ": " + d.rows() + " rows, " + d.features() + " features, classes " + d.classes();
    }

    private void fillLater(String field, String value) {
        getUI().ifPresent((UI ui) -> ui.access(() -> fill.accept(field, value)));
    }
}
