package org.factlab.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import org.factlab.runs.ComputeBackend;

/** What this server computes on: backend, device, memory, BLAS, versions (the same as {@code GET /api/system}). */
@Route(value = "system", layout = MainLayout.class)
@PageTitle("System · FACT Lab")
@PermitAll
public class SystemView extends VerticalLayout {

    public SystemView(ComputeBackend backend) {
        Grid<Map.Entry<String, Object>> grid = new Grid<>();
        grid.setId("system");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Map.Entry::getKey).setHeader("property").setAutoWidth(true);
        grid.addColumn(e -> String.valueOf(e.getValue())).setHeader("value").setFlexGrow(1);
        grid.setItems(backend.system().entrySet());
        grid.setAllRowsVisible(true);
        setMaxWidth("1000px");
        add(new H2("Compute backend"), grid);
    }
}
