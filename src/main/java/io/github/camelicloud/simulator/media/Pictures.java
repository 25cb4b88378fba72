package io.github.camelicloud.simulator.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Deterministic little landscapes (sky gradient, sun, hills) drawn with integer arithmetic only, so the
 * pixels, and hence the encoded bytes, are the same on every JVM.
 */
final class Pictures {

    private Pictures() {
    }

    static BufferedImage landscape(int width, int height, long seed) {
        long bits = Noise.mix(seed);
        int skyTop = (int) (bits & 0xFFFFFF);
        int skyBottom = (int) ((bits >>> 24) & 0xFFFFFF) | 0x404040;
        int ground = (int) (Noise.mix(bits) & 0x7F7F7F);
        int sunX = (int) ((bits >>> 48) & 0xFF) * width / 256;
        int sunY = height / 5 + (int) ((bits >>> 56) & 0x3F) * height / 256;
        int sunR = Math.max(2, Math.min(width, height) / 10);
        int hillBase = height * 3 / 5;
        int hillAmp = Math.max(1, height / 8);
        int hillPeriod = Math.max(8, width / (2 + (int) (bits & 3)));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        // Straight into the raster: setRGB converts pixel by pixel and costs more than the JPEG encoding.
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            int sky = blend(skyTop, skyBottom, y, height);
            for (int x = 0; x < width; x++) {
                int phase = x % hillPeriod;
                int tri = phase < hillPeriod / 2 ? phase : hillPeriod - phase;
                int hill = hillBase - tri * hillAmp * 2 / hillPeriod;
                int dx = x - sunX;
                int dy = y - sunY;
                int color;
                if (y >= hill) {
                    color = blend(ground, 0x102010, y - hill, height - hill + 1);
                } else if (dx * dx + dy * dy <= sunR * sunR) {
                    color = 0xFFE070;
                } else {
                    color = sky;
                }
                pixels[y * width + x] = color;
            }
        }
        return image;
    }

    private static int blend(int from, int to, int step, int steps) {
        int r = channel(from, to, 16, step, steps);
        int g = channel(from, to, 8, step, steps);
        int b = channel(from, to, 0, step, steps);
        return (r << 16) | (g << 8) | b;
    }

    private static int channel(int from, int to, int shift, int step, int steps) {
        int a = (from >> shift) & 0xFF;
        int b = (to >> shift) & 0xFF;
        return a + (b - a) * step / Math.max(1, steps);
    }
}
