package org.factlab.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factlab.runs.Run;
import org.factlab.runs.RunStatus;
import org.junit.jupiter.api.Test;

/** An inspected upload is named for what it is: not "preset quick", and by its name rather than its id. */
class RunHeaderTest {

    @Test
    void aRunOfAnUploadedModelSaysSoAndItsSpecNamesTheModel() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("model", "k3j9a0c1d2e3f4g5");
        spec.put("lambda", 0.001);
        RunHeader header = new RunHeader(() -> {});
        header.setEdited(List.of("model", "lambda"));
        header.setUploads(Map.of("model", "mse-tanh.safetensors"));
        header.show(run(spec));

        assertThat(text(header, Span.class))
                .contains("inspect · uploaded model mse-tanh.safetensors, edited: lambda")
                .doesNotContain("preset quick");
        assertThat(text(header, Pre.class)).contains("model = mse-tanh.safetensors (k3j9a0c1d2e3f4g5)");
    }

    @Test
    void aPresetRunKeepsItsPreset() {
        RunHeader header = new RunHeader(() -> {});
        header.show(run(Map.of("lambda", 0.01)));
        assertThat(text(header, Span.class)).contains("inspect · preset quick · seed 0");
    }

    private static Run run(Map<String, Object> spec) {
        return new Run(
                "r1",
                "inspect run",
                "inspect",
                "quick",
                spec,
                0,
                RunStatus.SUCCEEDED,
                null,
                Instant.EPOCH,
                null,
                null,
                null,
                "factlab",
                Map.of(),
                0,
                0,
                null,
                List.of(),
                null);
    }

    /** The text of every component of that type in the header, in page order. */
    private static String text(RunHeader header, Class<?> type) {
        StringBuilder out = new StringBuilder();
        header.getElement().getChildren().forEach(e -> collect(e, type, out));
        return out.toString();
    }

    private static void collect(com.vaadin.flow.dom.Element e, Class<?> type, StringBuilder out) {
        e.getComponent()
                .filter(type::isInstance)
                .ifPresent(c -> out.append(e.getText()).append('\n'));
        e.getChildren().forEach(child -> collect(child, type, out));
    }
}
