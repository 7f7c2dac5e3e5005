package org.factlab.ui.share;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** HTTP 404 for a share link that is unknown or revoked, saying nothing about which, nor about any run or study. */
@AnonymousAllowed
public class ShareNotFoundView extends Div implements HasErrorParameter<ShareNotFoundView.NotShared> {

    /** Raised by {@link SharedRunView} and {@link SharedStudyView} when their token opens nothing. */
    public static class NotShared extends RuntimeException {}

    public ShareNotFoundView() {
        H3 text = new H3("Nothing is shared at this link.");
        text.setId("not-shared");
        add(text);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotShared> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
