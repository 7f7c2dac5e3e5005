package org.factlab.experiments.tabular;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.factlab.kernels.FeatureUpdate;
import org.factlab.kernels.KernelFunction;
import org.factlab.kernels.KernelMachineException;
import org.factlab.kernels.Normalization;
import org.factlab.kernels.Precision;
import org.factlab.kernels.RecursiveFeatureMachine;
import org.factlab.kernels.RfmOptions;

/**
 * Hyper-parameter choice on one fold under {@code protocol = nested} (stricter than the RFM paper's benchmark
 * procedure, {@link BenchmarkProtocol}: M and the hyper-parameters are learned inside the fold): for every ridge value, Algorithm 1 with the Laplace kernel runs T updates
 * on the training rows, and each fit f_0 … f_T is scored on the validation rows; the (reg, t) with the best
 * validation accuracy is kept (ties: fewer iterations, then the earlier ridge value of the list) and its test
 * accuracy reported. Laplace kernel regression is t = 0 only. A ridge value whose system is singular or whose M
 * stops being finite keeps the fits it completed; the method fails on the fold only when no fit succeeds.
 */
final class ModelSelection {

    /** The chosen fit and its accuracies. */
    record Choice(double reg, int iterations, double validationAccuracy, double testAccuracy) {
    }

    private ModelSelection() {
    }

    /**
     * @return the choice, or null when {@code cancelled} became true
     * @throws KernelMachineException when no fit succeeded (the message says why)
     */
    static Choice choose(Fold fold, FeatureUpdate update, List<Double> regs, int iterations, double bandwidth,
                         double agopPower, Normalization normalization, BooleanSupplier cancelled) {
        Choice best = null;
        String failure = null;
        int last = update == FeatureUpdate.KERNEL ? 0 : iterations;
        for (double reg : regs) {
            RfmOptions options = new RfmOptions(KernelFunction.LAPLACE, bandwidth, reg, update, agopPower, false,
                    normalization, false, Precision.FLOAT64);
            try (RecursiveFeatureMachine rfm = new RecursiveFeatureMachine(fold.trainX(), fold.trainY(), options)) {
                for (int t = 0; t <= last; t++) {
                    if (cancelled.getAsBoolean()) {
                        return null;
                    }
                    rfm.fit();
                    double validation = Fold.accuracy(rfm.predict(fold.validationX()), fold.validationLabels());
                    if (best == null || validation > best.validationAccuracy()
                            || validation == best.validationAccuracy() && t < best.iterations()) {
                        best = new Choice(reg, t, validation, Fold.accuracy(rfm.predict(fold.testX()),
                                fold.testLabels()));
                    }
                    if (t < last) {
                        rfm.update(rfm.featuresForUpdate());
                    }
                }
            } catch (KernelMachineException e) {
                failure = "reg = " + reg + ": " + e.getMessage();
            }
        }
        if (best == null) {
            throw new KernelMachineException(failure);
        }
        return best;
    }
}
