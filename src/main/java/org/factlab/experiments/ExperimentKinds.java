package org.factlab.experiments;

import java.util.List;
import org.factlab.experiments.cnn.CnnKind;
import org.factlab.experiments.follow.FollowKind;
import org.factlab.experiments.inspect.InspectKind;
import org.factlab.experiments.mlp.MlpKind;
import org.factlab.experiments.modular.ModularKind;
import org.factlab.experiments.parity.ParityKind;
import org.factlab.experiments.quadratic.QuadraticKind;
import org.factlab.experiments.tabular.TabularKind;

/** Every experiment kind FACT Lab offers, in launch-page order. */
public final class ExperimentKinds {

    private ExperimentKinds() {}

    public static List<ExperimentKind<?>> all() {
        return List.of(
                new MlpKind(),
                new QuadraticKind(),
                new ParityKind(),
                new ModularKind(),
                new TabularKind(),
                new InspectKind(),
                new FollowKind(),
                new CnnKind());
    }
}
