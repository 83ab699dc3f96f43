package vn.teleconsult.imaging.dicom;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Turns grey-scale frame samples into an 8-bit image through the modality rescale and a VOI window (PS3.3 C.11.2). */
public final class FrameWindowing {

    private FrameWindowing() {}

    /** Windows uncompressed frame bytes as stored (8, 16 or 32 bits, one sample per pixel). */
    public static BufferedImage toGray(byte[] frame, PixelLayout layout, double center, double width) {
        int count = layout.rows() * layout.columns();
        if (layout.bitsAllocated() == 32) {
            return toGray32(frame, count, layout, center, width);
        }
        short[] samples = new short[count];
        if (layout.bitsAllocated() == 8) {
            for (int i = 0; i < count; i++) {
                samples[i] = (short) (frame[i] & 0xFF);
            }
            return toGray(samples, layout.columns(), layout.rows(), layout, center, width, false);
        }
        ByteBuffer.wrap(frame)
                .order(layout.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                .asShortBuffer()
                .get(samples, 0, count);
        return toGray(samples, layout.columns(), layout.rows(), layout, center, width, layout.signed());
    }

    static BufferedImage toGray(
            short[] samples, int width, int height, PixelLayout layout, double center, double window, boolean signed) {
        int count = width * height;
        int shift = 32 - Math.max(1, Math.min(16, layout.bitsStored()));
        double slope = layout.rescaleSlope();
        double intercept = layout.rescaleIntercept();
        double c = Double.isNaN(center) ? layout.windowCenter() : center;
        double w = Double.isNaN(window) ? layout.windowWidth() : window;
        if (Double.isNaN(c) || Double.isNaN(w) || w < 1) {
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (int i = 0; i < count; i++) {
                double v = value(samples[i], shift, signed) * slope + intercept;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            c = (min + max) / 2;
            w = Math.max(1, max - min);
        }
        double low = c - 0.5 - (w - 1) / 2;
        double scale = 255.0 / Math.max(1, w - 1);
        boolean invert = "MONOCHROME1".equals(layout.photometric());
        var image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < count; i++) {
            double v = value(samples[i], shift, signed) * slope + intercept;
            int g = (int) Math.round((v - low) * scale);
            g = g < 0 ? 0 : Math.min(255, g);
            out[i] = (byte) (invert ? 255 - g : g);
        }
        return image;
    }

    /** 32-bit samples (RT Dose grid scaling comes as the rescale here only when the caller folds it in). */
    private static BufferedImage toGray32(byte[] frame, int count, PixelLayout layout, double center, double window) {
        var ints = ByteBuffer.wrap(frame)
                .order(layout.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                .asIntBuffer();
        double[] values = new double[count];
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            int raw = ints.get(i);
            double v = (layout.signed() ? raw : Integer.toUnsignedLong(raw)) * layout.rescaleSlope()
                    + layout.rescaleIntercept();
            values[i] = v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double c = Double.isNaN(center) ? layout.windowCenter() : center;
        double w = Double.isNaN(window) ? layout.windowWidth() : window;
        if (Double.isNaN(c) || Double.isNaN(w) || w < 1) {
            c = (min + max) / 2;
            w = Math.max(1, max - min);
        }
        double low = c - 0.5 - (w - 1) / 2;
        double scale = 255.0 / Math.max(1, w - 1);
        boolean invert = "MONOCHROME1".equals(layout.photometric());
        var image = new BufferedImage(layout.columns(), layout.rows(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < count; i++) {
            int g = (int) Math.round((values[i] - low) * scale);
            g = g < 0 ? 0 : Math.min(255, g);
            out[i] = (byte) (invert ? 255 - g : g);
        }
        return image;
    }

    private static int value(short sample, int shift, boolean signed) {
        int bits = sample << shift;
        return signed ? bits >> shift : bits >>> shift;
    }
}
