package org.factlab.ui.base;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * An inline confirmation for something that cannot be undone: a question, a red button that does it and a button
 * that keeps things as they are. Hidden until {@link #ask} is called.
 */
public final class ConfirmBar extends HorizontalLayout {

    private final Span question = new Span();
    private final Button confirm = new Button();
    private Runnable action = () -> {};

    public ConfirmBar(String id) {
        setId(id);
        confirm.setId(id + "-yes");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        confirm.addClickListener(e -> {
            setVisible(false);
            action.run();
        });
        Button keep = new Button("Keep", e -> setVisible(false));
        keep.setId(id + "-no");
        keep.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        add(question, confirm, keep);
        setAlignItems(Alignment.BASELINE);
        setVisible(false);
    }

    /** Shows {@code text} and a button labelled {@code verb} that runs {@code onConfirm}. */
    public void ask(String text, String verb, Runnable onConfirm) {
        question.setText(text);
        confirm.setText(verb);
        action = onConfirm;
        setVisible(true);
    }
}
