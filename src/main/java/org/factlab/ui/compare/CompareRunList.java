package org.factlab.ui.compare;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import org.factlab.runs.Run;
import org.factlab.runs.compare.CompareGroups;
import org.factlab.ui.run.RunView;

/** The compared runs, each a link labelled by the fields in which it differs, separated by " · " (between only). */
final class CompareRunList extends Paragraph {

    CompareRunList() {
        setId("compare-runs");
    }

    void show(List<Run> runs) {
        removeAll();
        if (runs.isEmpty()) {
            add("No runs chosen: select runs on the runs page and press Compare.");
            return;
        }
        add("Runs: ");
        List<CompareGroups.Group> groups = CompareGroups.of(runs, CompareGroups.GROUP_NONE, null);
        for (int i = 0; i < groups.size(); i++) {
            Run r = groups.get(i).runs().get(0);
            RouterLink link = new RouterLink(groups.get(i).label(), RunView.class, r.id());
            link.getElement().setAttribute("title", r.name() + " [" + r.id() + "]");
            if (i > 0) {
                add(new Span(" · "));
            }
            add(link);
        }
    }
}
