package org.factlab.experiments.follow;

import java.util.List;
import org.factlab.experiments.mlp.MlpSections;
import org.factlab.experiments.mlp.MlpSeries;
import org.factlab.experiments.sections.Axis;
import org.factlab.experiments.sections.Chart;
import org.factlab.experiments.sections.Curve;
import org.factlab.experiments.sections.CurvesSection;
import org.factlab.experiments.sections.LayerAlignmentSection;
import org.factlab.experiments.sections.Section;

/**
 * The run page of a followed run: the mlp kind's per-layer alignment and stationarity charts over the checkpoints'
 * steps (the probe set's loss and accuracy as the training curves), the client's logged training loss and how many
 * checkpoints the lab skipped to stay current, and the first layer's matrices on a step slider. Other logged scalars
 * ({@code log/<name>}) appear under "Other series".
 */
final class FollowSections {

    private static final Axis STEP = Axis.steps("step");

    private FollowSections() {}

    static List<Section> all() {
        LayerAlignmentSection mlp = MlpSections.alignment();
        List<Chart> probe = List.of(
                Chart.of(
                        "training-loss",
                        "Loss on the probe set",
                        STEP,
                        Axis.logarithmic("loss"),
                        Curve.of(MlpSeries.TRAIN_LOSS, "probe loss")),
                Chart.of(
                        "training-accuracy",
                        "Accuracy on the probe set",
                        STEP,
                        Axis.fraction("accuracy"),
                        Curve.of(MlpSeries.TRAIN_ACCURACY, "probe accuracy")));
        LayerAlignmentSection alignment = new LayerAlignmentSection(
                mlp.id(),
                mlp.title(),
                "How well each method predicts the layer's neural feature matrix WᵀW over the followed training, "
                        + "checkpoint by checkpoint, then stationarity and the loss and accuracy on the probe set.",
                mlp.methods(),
                mlp.layerCharts(),
                probe);
        CurvesSection client = new CurvesSection(
                "client",
                "From the training loop",
                "What the training loop logged, and how many checkpoints the lab analysed later than newer ones to "
                        + "stay current.",
                List.of(
                        Chart.of(
                                "logged-loss",
                                "Training loss as logged",
                                STEP,
                                Axis.logarithmic("loss"),
                                Curve.of(FollowLoop.LOGGED + MlpSeries.TRAIN_LOSS, "train/loss (logged)")),
                        Chart.of(
                                "skipped",
                                "Checkpoints skipped to stay current",
                                STEP,
                                Axis.linear("checkpoints").withOrigin(),
                                Curve.of(FollowLoop.SKIPPED, "skipped"))));
        return List.of(
                alignment,
                client,
                MlpSections.matrices(),
                MlpSections.filters("for checkpoints with " + "convolutions"));
    }
}
