package org.factlab.experiments.tabular;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.factlab.experiments.rfm.RfmSettings;
import org.factlab.kernels.FeatureUpdate;
import org.factlab.kernels.KernelMachineException;
import org.factlab.kernels.RecursiveFeatureMachine;

/**
 * Hyper-parameter choice on one fold under {@code protocol = nested} (stricter than the RFM paper's benchmark
 * procedure, {@link BenchmarkProtocol}: M and the hyper-parameters are learned inside the fold): for every ridge value,
 * Algorithm 1 with the Laplace kernel runs T updates on the training rows, and each fit f_0 … f_T is scored on the
 * validation rows; the (reg, t) with the best validation accuracy is kept (ties: fewer iterations, then the earlier
 * ridge value of the list) and its test accuracy reported. Laplace kernel regression is t = 0 only. A ridge value whose
 * system is singular or whose M stops being finite keeps the fits it completed; the method fails on the fold only when
 * no fit succeeds.
 */
final class ModelSelection {

    /** The chosen fit and its accuracies. */
    record Choice(double reg, int iterations, double validationAccuracy, double testAccuracy) {}

    private ModelSelection() {}

    /**
     * @param candidates one method's settings, one per ridge value ({@link TabularSpec#candidates})
     * @return the choice, or null when {@code cancelled} became true
     * @throws KernelMachineException when no fit succeeded (the message says why)
     */
    static Choice choose(Fold fold, List<RfmSettings> candidates, BooleanSupplier cancelled) {
        Choice best = null;
        String failure = null;
        for (RfmSettings candidate : candidates) {
            double reg = candidate.reg();
            int last = candidate.method() == FeatureUpdate.KERNEL ? 0 : candidate.iterations();
            try (RecursiveFeatureMachine rfm =
                    new RecursiveFeatureMachine(fold.trainX(), fold.trainY(), candidate.options())) {
                for (int t = 0; t <= last; t++) {
                    if (cancelled.getAsBoolean()) {
                        return null;
                    }
                    rfm.fit();
                    double validation = Fold.accuracy(rfm.predict(fold.validationX()), fold.validationLabels());
                    if (best == null
                            || validation > best.validationAccuracy()
                            || validation == best.validationAccuracy() && t < best.iterations()) {
                        best = new Choice(
                                reg, t, validation, Fold.accuracy(rfm.predict(fold.testX()), fold.testLabels()));
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
