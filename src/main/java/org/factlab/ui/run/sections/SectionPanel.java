package org.factlab.ui.run.sections;

import com.vaadin.flow.component.Component;

/**
 * The renderer of one declared section type on the run page. It shows itself only when the run has data for it
 * and redraws from each {@link RunPageData} it is given (inside {@code ui.access}).
 */
public interface SectionPanel {

    /** The panel as a component of the page: the panel itself, which every renderer is. */
    default Component component() {
        return (Component) this;
    }

    void show(RunPageData data);
}
