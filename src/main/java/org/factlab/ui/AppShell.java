package org.factlab.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;

/** Page-wide settings: server push for live runs, the Lumo theme (default). */
@Push
public class AppShell implements AppShellConfigurator {
}
