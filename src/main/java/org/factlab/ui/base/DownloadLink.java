package org.factlab.ui.base;

import com.vaadin.flow.component.html.Anchor;

/** A link that downloads what it points to (CSV, PNG) instead of navigating. */
public final class DownloadLink {

    private DownloadLink() {}

    public static Anchor to(String href, String text) {
        Anchor a = new Anchor(href, text);
        a.getElement().setAttribute("download", true);
        return a;
    }
}
