package vn.teleconsult.imaging.dicomweb;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import vn.teleconsult.platform.problem.ProblemException;

/** The rendering query parameters of PS3.18 8.3.5 (window, quality, viewport) and the negotiated image type. */
record RenderOptions(double center, double width, float quality, int maxWidth, int maxHeight, String mediaType) {

    private static final int MAX_VIEWPORT = 4096;

    static RenderOptions parse(String window, String quality, String viewport, String accept, int defaultSize) {
        double center = Double.NaN;
        double width = Double.NaN;
        if (window != null && !window.isBlank()) {
            String[] w = window.split(",");
            try {
                center = Double.parseDouble(w[0]);
                width = Double.parseDouble(w[1]);
            } catch (RuntimeException e) {
                throw ProblemException.badRequest("window: center,width[,function] such as 40,400,linear.");
            }
            if (w.length > 3
                    || width < 1
                    || !Double.isFinite(center)
                    || !Double.isFinite(width)
                    || (w.length == 3 && !w[2].trim().equalsIgnoreCase("linear"))) {
                throw ProblemException.badRequest("window: center,width[,linear] with a width of at least 1.");
            }
        }
        float q = 0.9f;
        if (quality != null && !quality.isBlank()) {
            try {
                int value = Integer.parseInt(quality.trim());
                if (value < 1 || value > 100) {
                    throw new NumberFormatException();
                }
                q = value / 100f;
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("quality: a whole number from 1 to 100.");
            }
        }
        int vw = defaultSize;
        int vh = defaultSize;
        if (viewport != null && !viewport.isBlank()) {
            String[] v = viewport.split(",");
            try {
                vw = Integer.parseInt(v[0].trim());
                vh = Integer.parseInt(v[1].trim());
            } catch (RuntimeException e) {
                vw = -1;
            }
            if (vw < 1 || vh < 1 || vw > MAX_VIEWPORT || vh > MAX_VIEWPORT) {
                throw ProblemException.badRequest("viewport: width,height from 1 to " + MAX_VIEWPORT + ".");
            }
        }
        return new RenderOptions(center, width, q, vw, vh, negotiate(accept));
    }

    private static String negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return "image/jpeg";
        }
        for (String range : accept.split(",")) {
            String r = range.trim().toLowerCase(Locale.ROOT);
            if (r.startsWith("image/jpeg") || r.startsWith("image/*") || r.startsWith("*/*")) {
                return "image/jpeg";
            }
            if (r.startsWith("image/png")) {
                return "image/png";
            }
        }
        throw new ProblemException(406, "Not acceptable", "Rendered images are image/jpeg or image/png.");
    }

    byte[] encode(BufferedImage image) {
        BufferedImage scaled = scale(image);
        var out = new ByteArrayOutputStream();
        try {
            if (mediaType.equals("image/png")) {
                ImageIO.write(scaled, "png", out);
            } else {
                var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
                var param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
                try (var stream = ImageIO.createImageOutputStream(out)) {
                    writer.setOutput(stream);
                    writer.write(null, new IIOImage(scaled, null, null), param);
                } finally {
                    writer.dispose();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private BufferedImage scale(BufferedImage image) {
        if (maxWidth <= 0 || (image.getWidth() <= maxWidth && image.getHeight() <= maxHeight)) {
            return image;
        }
        double factor = Math.min((double) maxWidth / image.getWidth(), (double) maxHeight / image.getHeight());
        int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
        int type = image.getType() == BufferedImage.TYPE_CUSTOM ? BufferedImage.TYPE_INT_RGB : image.getType();
        var out = new BufferedImage(w, h, type);
        var g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
