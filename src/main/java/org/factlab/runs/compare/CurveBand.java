package org.factlab.runs.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeSet;
import org.factlab.experiments.sweep.SeedStats;

/**
 * The mean curve of a group of runs with its ± one standard deviation band: at every step recorded by all of
 * them, mean and sample std over the runs ({@link SeedStats}; std 0 for a single run).
 */
public record CurveBand(double[] steps, double[] mean, double[] std) {

    public static CurveBand of(List<NavigableMap<Long, Double>> curves) {
        Set<Long> common =
                curves.isEmpty() ? Set.of() : new TreeSet<>(curves.get(0).keySet());
        curves.forEach(c -> common.retainAll(c.keySet()));
        double[] steps = new double[common.size()];
        double[] mean = new double[common.size()];
        double[] std = new double[common.size()];
        int i = 0;
        for (long step : common) {
            List<Double> values = new ArrayList<>(curves.size());
            curves.forEach(c -> values.add(c.get(step)));
            SeedStats s = SeedStats.of(values);
            steps[i] = step;
            mean[i] = s.mean();
            std[i] = s.n() < 2 ? 0 : s.std();
            i++;
        }
        return new CurveBand(steps, mean, std);
    }

    public double[] upper() {
        double[] u = new double[mean.length];
        for (int i = 0; i < u.length; i++) {
            u[i] = mean[i] + std[i];
        }
        return u;
    }

    public double[] lower() {
        double[] l = new double[mean.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = mean[i] - std[i];
        }
        return l;
    }
}
