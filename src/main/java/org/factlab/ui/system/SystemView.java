package org.factlab.ui.system;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.factlab.runs.ComputeBackend;
import org.factlab.runs.FactlabProperties;
import org.factlab.runs.RunService;
import org.factlab.ui.base.MainLayout;

/**
 * What this server computes on: backend, device, memory in human units, BLAS (the same data as
 * {@code GET /api/system}, {@link SystemRows}); the queue (waiting, running, per worker) and the data folders with
 * their free space ({@link QueueRows}); the versions as a small table.
 */
@Route(value = "system", layout = MainLayout.class)
@PageTitle("System · FACT Lab")
@PermitAll
public class SystemView extends VerticalLayout {

    public SystemView(ComputeBackend backend, RunService runs, FactlabProperties properties) {
        Map<String, Object> system = backend.system();
        setMaxWidth("1000px");
        List<SystemRows.Row> storage = new ArrayList<>(QueueRows.folder(
                "data folder (database)", Path.of(properties.dataDir() == null ? "./data" : properties.dataDir())));
        storage.addAll(QueueRows.folder(
                "datasets folder (uploads)", properties.datasetRoots().get(0)));
        add(
                new H2("Compute backend"),
                grid("system", "property", SystemRows.properties(system)),
                new H3("Queue"),
                grid("system-queue", "property", QueueRows.queue(runs.queue())),
                new H3("Storage"),
                grid("system-storage", "property", storage),
                new H3("Versions"),
                grid("system-versions", "component", SystemRows.versions(system)));
    }

    private static Grid<SystemRows.Row> grid(String id, String header, List<SystemRows.Row> rows) {
        Grid<SystemRows.Row> grid = new Grid<>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(SystemRows.Row::property).setHeader(header).setAutoWidth(true);
        grid.addColumn(SystemRows.Row::value)
                .setHeader("component".equals(header) ? "version" : "value")
                .setFlexGrow(1);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        return grid;
    }
}
