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
import java.util.Map;
import java.util.function.BiConsumer;
import org.factlab.access.CurrentUser;
import org.factlab.access.RunPermissions;
import org.factlab.experiments.ExperimentKind;
import org.factlab.runs.UploadLibraries;
import org.factlab.runs.UploadQuota;
import org.factlab.uploads.DatasetInfo;
import org.factlab.uploads.ModelInfo;
import org.factlab.uploads.UploadException;
import org.factlab.uploads.UploadSort;
import org.springframework.context.annotation.Scope;

/**
 * The launch form's uploads for a kind that reads them ({@link ExperimentKind#uploadFields()}): a model file
 * (safetensors, Keras .h5/.keras, DL4J .zip) and a data table (.csv, .npz), each read and kept as
 * {@code POST /api/models} and {@code POST /api/datasets} keep them; the new id is filled into the spec field the kind
 * names for it, and what was read (or why the file was refused) is shown beside it. Hidden for other kinds.
 */
@SpringComponent
@Scope("prototype")
class LaunchUploads extends VerticalLayout {

    private final UploadLibraries libraries;
    private final CurrentUser user;
    private final RunPermissions permissions;
    private final UploadQuota quota;
    private final Span status = new Span();
    private final Span available = new Span();
    private final Upload model;
    private final Upload table;
    private BiConsumer<String, String> fill = (field, value) -> {};
    private Map<UploadSort, String> fields = Map.of();

    LaunchUploads(UploadLibraries libraries, CurrentUser user, RunPermissions permissions, UploadQuota quota) {
        this.libraries = libraries;
        this.quota = quota;
        this.user = user;
        this.permissions = permissions;
        setPadding(false);
        setId("inspect-uploads");
        status.setId("upload-status");
        int max = (int) Math.min(Integer.MAX_VALUE, libraries.maxBytes());
        model = upload(
                "upload-model",
                "Upload a model (.safetensors, .h5, .keras, .zip)",
                max,
                this::addModel,
                ".safetensors",
                ".h5",
                ".keras",
                ".zip");
        table = upload(
                "upload-dataset",
                "Upload a table (.csv with the label last, .npz with X and y)",
                max,
                this::addTable,
                ".csv",
                ".npz");
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

    /** Where an uploaded file's id goes: {@code fill} gets the spec field the kind names for it and the id. */
    void onUploaded(BiConsumer<String, String> fill) {
        this.fill = fill;
    }

    /** Offers the uploads {@code kind} reads, or hides itself when it reads none. */
    void showFor(ExperimentKind<?> kind) {
        fields = kind.uploadFields();
        model.setVisible(fields.containsKey(UploadSort.MODEL));
        table.setVisible(fields.containsKey(UploadSort.TABLE));
        setVisible(!fields.isEmpty());
    }

    private interface Adder {
        String add(InputStream in, String fileName) throws UploadException, IOException;
    }

    private Upload upload(String id, String label, int maxBytes, Adder adder, String... types) {
        Upload upload =
                new Upload(UploadHandler.toTempFile((metadata, file) -> keep(adder, metadata.fileName(), file)));
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
            message =
                    permissions.mayLaunch() ? adder.add(in, fileName) : "Not uploaded: your role may not upload files";
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
        fillLater(UploadSort.MODEL, m.id());
        return "Model " + m.id() + " (" + m.format() + "): " + m.layers().size() + " dense layers, "
                + m.inputs() + " inputs → " + m.outputs() + " outputs"
                + (m.activation() == null ? "; choose its activation below" : ", activation " + m.activation());
    }

    private String addTable(InputStream in, String fileName) throws UploadException, IOException {
        DatasetInfo d = libraries.datasets().add(in, fileName, null, user.name().orElse(null), libraries.maxBytes());
        fillLater(UploadSort.TABLE, d.id());
        return "Table " + d.id() + ": " + d.rows() + " rows, " + d.features() + " features, classes " + d.classes();
    }

    private void fillLater(UploadSort sort, String value) {
        String field = fields.get(sort);
        getUI().ifPresent((UI ui) -> ui.access(() -> fill.accept(field, value)));
    }
}
