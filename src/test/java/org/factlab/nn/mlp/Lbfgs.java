package org.factlab.nn.mlp;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Limited-memory BFGS (Nocedal &amp; Wright, Algorithm 7.4, two-loop recursion) with a backtracking Armijo line
 * search, in plain float64: drives a smooth objective to a small gradient norm.
 */
public final class Lbfgs {

    /** f(θ) with ∇f written into the second argument. */
    public interface Objective {
        double valueAndGradient(double[] theta, double[] gradient);
    }

    private static final int MEMORY = 10;

    private Lbfgs() {}

    /** Minimises from θ (updated in place) until ‖∇f‖ ≤ tolerance or maxIterations; returns the final ‖∇f‖. */
    public static double minimise(Objective f, double[] theta, double tolerance, int maxIterations) {
        int p = theta.length;
        double[] g = new double[p];
        double value = f.valueAndGradient(theta, g);
        Deque<double[][]> pairs = new ArrayDeque<>();
        for (int it = 0; it < maxIterations && norm(g) > tolerance; it++) {
            double[] direction = twoLoop(g, pairs);
            double slope = dot(direction, g);
            if (slope >= 0) {
                pairs.clear();
                direction = scaled(g, -1);
                slope = dot(direction, g);
            }
            double[] next = new double[p];
            double[] nextG = new double[p];
            double step = 1;
            double nextValue;
            while (true) {
                for (int i = 0; i < p; i++) {
                    next[i] = theta[i] + step * direction[i];
                }
                nextValue = f.valueAndGradient(next, nextG);
                boolean armijo = nextValue <= value + 1e-4 * step * slope;
                // near the optimum the decrease drops below the round-off of f: accept a smaller gradient instead
                boolean roundOff = Math.abs(nextValue - value) <= 1e-14 * Math.abs(value) && norm(nextG) < norm(g);
                if (armijo || roundOff || step < 1e-20) {
                    break;
                }
                step *= 0.5;
            }
            double[] s = new double[p];
            double[] yv = new double[p];
            for (int i = 0; i < p; i++) {
                s[i] = next[i] - theta[i];
                yv[i] = nextG[i] - g[i];
            }
            if (dot(s, yv) > 1e-300) {
                pairs.addLast(new double[][] {s, yv});
                if (pairs.size() > MEMORY) {
                    pairs.removeFirst();
                }
            }
            System.arraycopy(next, 0, theta, 0, p);
            System.arraycopy(nextG, 0, g, 0, p);
            value = nextValue;
        }
        return norm(g);
    }

    /** −H∇f by the two-loop recursion over the stored (s, y) pairs, H₀ = (sᵀy / yᵀy) I. */
    private static double[] twoLoop(double[] g, Deque<double[][]> pairs) {
        double[] q = g.clone();
        double[] alpha = new double[pairs.size()];
        int k = pairs.size() - 1;
        for (Iterator<double[][]> it = pairs.descendingIterator(); it.hasNext(); k--) {
            double[][] pair = it.next();
            alpha[k] = dot(pair[0], q) / dot(pair[1], pair[0]);
            axpy(-alpha[k], pair[1], q);
        }
        if (!pairs.isEmpty()) {
            double[][] last = pairs.peekLast();
            q = scaled(q, dot(last[0], last[1]) / dot(last[1], last[1]));
        }
        k = 0;
        for (double[][] pair : pairs) {
            double beta = dot(pair[1], q) / dot(pair[1], pair[0]);
            axpy(alpha[k] - beta, pair[0], q);
            k++;
        }
        return scaled(q, -1);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void axpy(double c, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += c * x[i];
        }
    }

    private static double[] scaled(double[] a, double c) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = c * a[i];
        }
        return out;
    }
}
