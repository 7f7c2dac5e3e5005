package org.factlab.ui.run;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.factlab.runs.Run;
import org.factlab.runs.RunStatus;
import org.factlab.ui.base.Formats;

/** Name, status, progress with elapsed time and ETA, cancel, spec, backend and error of a run. */
final class RunHeader extends VerticalLayout {

    private final H2 title = new H2();
    private final Span status = new Span();
    private final ProgressBar bar = new ProgressBar(0, 1);
    private final Span timing = new Span();
    private final Span meta = new Span();
    private final Span error = new Span();
    private final Pre spec = new Pre();
    private final Button cancel;
    private boolean cancellable = true;

    RunHeader(Runnable onCancel) {
        setPadding(false);
        setSpacing(false);
        status.setId("run-status");
        timing.setId("run-timing");
        error.setId("run-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        meta.addClassName("run-meta");
        timing.addClassName("run-meta");
        bar.setWidth("24em");
        bar.setMaxWidth("100%"); // inside the page on a narrow window
        cancel = new Button("Cancel run", e -> onCancel.run());
        cancel.setId("cancel-run");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout line = new HorizontalLayout(status, bar, timing, cancel);
        line.setAlignItems(Alignment.CENTER);
        line.setWidthFull();
        line.getStyle().set("flex-wrap", "wrap");
        add(title, line, meta, error, new Details("Spec", spec));
    }

    private List<String> edited = List.of();
    private Map<String, String> uploads = Map.of();

    void show(Run run) {
        title.setText(run.name());
        status.setText(run.status().name());
        status.setClassName("status-badge status-" + run.status().name().toLowerCase(java.util.Locale.ROOT));
        status.getElement().setAttribute("data-status", run.status().name());
        bar.setValue(run.status() == RunStatus.SUCCEEDED ? 1.0 : run.progress());
        bar.setIndeterminate(run.status() == RunStatus.QUEUED);
        timing.setText(timing(run, run.progress()));
        cancel.setVisible(cancellable && !run.status().isTerminal());
        meta.setText(run.kind() + provenance(run) + " · seed " + run.seed()
                + " · created " + Formats.time(run.createdAt())
                + (run.backend() == null ? "" : " · " + run.backend()) + " · " + run.versions());
        error.setText(run.error() == null ? "" : run.error());
        spec.setText(run.spec().entrySet().stream()
                .map(e -> e.getKey() + " = "
                        + (uploads.containsKey(e.getKey())
                                ? uploads.get(e.getKey()) + " (" + e.getValue() + ")"
                                : e.getValue()))
                .collect(Collectors.joining("\n")));
    }

    /**
     * Where the spec came from: its preset, the preset's fields it changed, or the uploads it reads in place of the
     * preset's ("uploaded model mse-tanh.safetensors, dataset train.csv, edited: lambda").
     */
    private String provenance(Run run) {
        if (run.preset() == null) {
            return "";
        }
        List<String> uploaded = edited.stream().filter(uploads::containsKey).toList();
        List<String> rest = edited.stream().filter(f -> !uploads.containsKey(f)).toList();
        String edits = rest.isEmpty() ? "" : ", edited: " + String.join(", ", rest);
        if (!uploaded.isEmpty()) {
            return " · uploaded "
                    + uploaded.stream().map(f -> f + " " + uploads.get(f)).collect(Collectors.joining(", ")) + edits;
        }
        return edited.isEmpty() ? " · preset " + run.preset() : " · from preset " + run.preset() + edits;
    }

    /** The uploads the run reads, by spec field, named as uploaded: shown by name, not by id. */
    void setUploads(Map<String, String> uploads) {
        this.uploads = uploads;
    }

    /** The fields changed from the run's preset ({@link org.factlab.experiments.PresetEdits}), for the meta line. */
    void setEdited(List<String> edited) {
        this.edited = edited;
    }

    /** Whether the viewer may cancel this run (its owner or an admin; never on a shared link). */
    void setCancellable(boolean cancellable) {
        this.cancellable = cancellable;
    }

    /** Live progress between run-row reloads. */
    void progress(Run run, long done, long total) {
        double p = total <= 0 ? 0 : Math.min(1.0, (double) done / total);
        bar.setIndeterminate(false);
        bar.setValue(p);
        timing.setText(timing(run, p));
    }

    private static String timing(Run run, double progress) {
        if (run.startedAt() == null) {
            return run.status() == RunStatus.QUEUED ? "waiting for a worker" : "";
        }
        Instant end = run.finishedAt() == null ? Instant.now() : run.finishedAt();
        Duration elapsed = Duration.between(run.startedAt(), end);
        String text = Math.round(100 * progress) + "% · elapsed " + Formats.duration(elapsed);
        if (!run.status().isTerminal() && progress > 0.005) {
            long etaMs = (long) (elapsed.toMillis() * (1 - progress) / progress);
            text += " · ETA " + Formats.duration(Duration.ofMillis(etaMs));
        }
        return text;
    }
}
