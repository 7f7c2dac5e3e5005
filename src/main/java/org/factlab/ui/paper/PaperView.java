package org.factlab.ui.paper;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.factlab.access.RunPermissions;
import org.factlab.experiments.SpecValidationException;
import org.factlab.experiments.paper.PaperFigure;
import org.factlab.experiments.paper.SeriesLabels;
import org.factlab.paperresults.PaperResults;
import org.factlab.runs.KindRegistry;
import org.factlab.runs.Run;
import org.factlab.runs.RunEvent;
import org.factlab.runs.RunService;
import org.factlab.studies.StudyRequest;
import org.factlab.studies.StudyService;
import org.factlab.ui.base.LiveFollow;
import org.factlab.ui.base.MainLayout;

/**
 * {@code /paper}: one card per figure and table of the paper the lab reproduces, each with a launch button and the
 * latest result beside the paper's printed values; the cards follow runs live.
 */
@Route(value = "paper", layout = MainLayout.class)
@PageTitle("The paper · FACT Lab")
@PermitAll
public class PaperView extends VerticalLayout {

    private final PaperResults results;
    private final RunService runs;
    private final StudyService studies;
    private final LiveFollow live;
    private final List<PaperCard> cards = new ArrayList<>();
    private final Map<String, PaperFigure> figures = new LinkedHashMap<>();

    public PaperView(
            PaperResults results,
            RunService runs,
            StudyService studies,
            KindRegistry kinds,
            LiveFollow live,
            RunPermissions permissions) {
        this.results = results;
        this.runs = runs;
        this.studies = studies;
        this.live = live;
        setMaxWidth("1400px");
        Div grid = new Div();
        grid.addClassName("chart-grid");
        grid.setId("paper-cards");
        for (PaperFigure f : results.figures()) {
            figures.put(f.id(), f);
            PaperCard card = new PaperCard(
                    f,
                    permissions.mayLaunch() ? () -> launch(f) : null,
                    s -> SeriesLabels.legend(kinds.find(f.kind()), s));
            cards.add(card);
            grid.add(card);
        }
        add(
                new H2("FACT: the Features At Convergence Theorem — what reproduces here"),
                new Paragraph("Each card is a figure or table of the paper (Boix-Adsera, Mallinar, Simon, Belkin, "
                        + "2025): the preset that reproduces it, how long it takes on this lab's CPU, and the latest "
                        + "result beside the numbers the paper prints. Matches means within the stated tolerance of "
                        + "the paper's number (of the lab's reference where the paper prints none)."),
                grid);
        showAll(load());
    }

    /** Re-reads the cards (off the UI thread) when a run's status or progress changed, not on its points. */
    @Override
    protected void onAttach(AttachEvent event) {
        live.follow(event.getUI(), this, null, events -> {
            if (events.stream().noneMatch(e -> e instanceof RunEvent.Status || e instanceof RunEvent.Progress)) {
                return null;
            }
            Map<String, Shown> shown = load();
            return () -> showAll(shown);
        });
    }

    private record Shown(Optional<PaperResults.Latest> latest, Optional<Run> inFlight) {}

    /** Every card's latest result and run in flight, read outside the UI lock. */
    private Map<String, Shown> load() {
        Map<String, Shown> shown = new HashMap<>();
        figures.values().forEach(f -> {
            Optional<PaperResults.Latest> latest = results.latest(f);
            shown.put(f.id(), new Shown(latest, results.inFlight(f)));
        });
        return shown;
    }

    private void showAll(Map<String, Shown> shown) {
        cards.forEach(c -> {
            Shown s = shown.get(c.figureId());
            c.show(s.latest(), s.inFlight(), s.latest().map(PaperResults.Latest::took));
        });
    }

    /** Launches the card's run or study and stays here; a GPU-scale preset opens the launch page instead. */
    private void launch(PaperFigure f) {
        try {
            if (f.launchesStudy()) {
                studies.create(new StudyRequest(null, f.studyPreset(), null, null, null, null, null));
            } else if (f.gpuScale()) {
                UI.getCurrent()
                        .navigate("launch", QueryParameters.simple(Map.of("kind", f.kind(), "preset", f.preset())));
                return;
            } else {
                runs.submit(f.kind(), f.preset(), Map.of(), f.title() + " · paper page");
            }
        } catch (SpecValidationException e) {
            Notification.show(f.title() + " was not launched: " + e.getMessage(), 8000, Notification.Position.MIDDLE);
        }
    }
}
