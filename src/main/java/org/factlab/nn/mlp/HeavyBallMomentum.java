package org.factlab.nn.mlp;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * SGD with heavy-ball momentum exactly as PyTorch's {@code torch.optim.SGD(momentum=μ, dampening=0,
 * nesterov=False)}: b ← μ b + g, θ ← θ − η b, with g the gradient after DL4J's coupled L2 (g = ∇L + λθ)
 * and η from the schedule. DL4J's only momentum updater, {@code Nesterovs}, applies Nesterov's look-ahead
 * and folds η into the buffer, which differs from PyTorch whenever η changes (cosine decay).
 *
 * @param learningRate η per (iteration, epoch)
 * @param momentum     μ ∈ [0, 1)
 */
public record HeavyBallMomentum(ISchedule learningRate, double momentum) implements IUpdater {

    public HeavyBallMomentum {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
    }

    @Override
    public long stateSize(long numParams) {
        return numParams;
    }

    @Override
    public GradientUpdater<HeavyBallMomentum> instantiate(INDArray viewArray, boolean initializeViewArray) {
        Updater updater = new Updater(this);
        updater.setStateViewArray(viewArray, viewArray.shape(), viewArray.ordering(), initializeViewArray);
        return updater;
    }

    @Override
    public GradientUpdater<HeavyBallMomentum> instantiate(Map<String, INDArray> updaterState, boolean initialize) {
        Updater updater = new Updater(this);
        updater.setState(updaterState, initialize);
        return updater;
    }

    @Override
    public IUpdater clone() {
        return this;
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRate.valueAt(iteration, epoch);
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        throw new UnsupportedOperationException("HeavyBallMomentum is immutable: build a new one");
    }

    /** The per-block state: the momentum buffer b, a view into DL4J's updater state array. */
    private static final class Updater implements GradientUpdater<HeavyBallMomentum> {
        private static final String BUFFER = "b";
        private final HeavyBallMomentum config;
        private INDArray buffer;

        Updater(HeavyBallMomentum config) {
            this.config = config;
        }

        @Override
        public HeavyBallMomentum getConfig() {
            return config;
        }

        @Override
        public void setState(Map<String, INDArray> stateMap, boolean initialize) {
            buffer = stateMap.get(BUFFER);
            if (initialize) {
                buffer.assign(0);
            }
        }

        @Override
        public Map<String, INDArray> getState() {
            return Map.of(BUFFER, buffer);
        }

        @Override
        public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
            if (initialize) {
                viewArray.assign(0);
            }
            buffer = Shape.newShapeNoCopy(viewArray, gradientShape, gradientOrder == 'f');
            if (buffer == null) {
                throw new IllegalStateException("could not reshape the momentum buffer to the gradient's shape");
            }
        }

        /** b ← μ b + g; the gradient array becomes the step η b that DL4J subtracts from θ. */
        @Override
        public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            buffer.muli(config.momentum()).addi(gradient);
            buffer.mul(config.getLearningRate(iteration, epoch), gradient);
        }
    }
}
