package org.factlab.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.factlab.runs.MatrixSnapshot;

/**
 * Colour-maps a matrix to a PNG, row 0 at the top: a diverging blue–white–red scale symmetric around 0 when
 * the matrix has both signs, a white-to-dark-blue scale otherwise. Small matrices are enlarged so each entry
 * is a visible block.
 */
final class MatrixPng {

    private static final int MIN_SIDE = 256;

    private MatrixPng() {
    }

    static byte[] render(MatrixSnapshot m) {
        int scale = Math.max(1, MIN_SIDE / Math.max(m.rows(), m.cols()));
        BufferedImage img = new BufferedImage(m.cols() * scale, m.rows() * scale, BufferedImage.TYPE_INT_RGB);
        boolean signed = m.min() < 0 && m.max() > 0;
        double bound = signed ? Math.max(-m.min(), m.max()) : 0;
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                float v = m.data()[r * m.cols() + c];
                int rgb = signed ? diverging(v / bound) : sequential(m.min(), m.max(), v);
                for (int y = 0; y < scale; y++) {
                    for (int x = 0; x < scale; x++) {
                        img.setRGB(c * scale + x, r * scale + y, rgb);
                    }
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** t in [−1, 1]: −1 blue (33,102,172), 0 white, +1 red (178,24,43). */
    private static int diverging(double t) {
        double s = Math.max(-1, Math.min(1, t));
        return s < 0 ? mix(0xFFFFFF, 0x2166AC, -s) : mix(0xFFFFFF, 0xB2182B, s);
    }

    private static int sequential(double min, double max, double v) {
        double t = max > min ? (v - min) / (max - min) : 0.5;
        return mix(0xF7FBFF, 0x08306B, t);
    }

    private static int mix(int from, int to, double t) {
        int r = (int) Math.round(((from >> 16) & 255) * (1 - t) + ((to >> 16) & 255) * t);
        int g = (int) Math.round(((from >> 8) & 255) * (1 - t) + ((to >> 8) & 255) * t);
        int b = (int) Math.round((from & 255) * (1 - t) + (to & 255) * t);
        return (r << 16) | (g << 8) | b;
    }
}
