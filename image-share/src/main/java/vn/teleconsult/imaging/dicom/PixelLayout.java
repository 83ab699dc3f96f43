package vn.teleconsult.imaging.dicom;

/**
 * How an image's pixels are laid out, enough to cut frames out of uncompressed Pixel Data and to window them.
 *
 * @param windowCenter NaN when the instance has none
 */
public record PixelLayout(
        int rows,
        int columns,
        int frames,
        int samplesPerPixel,
        int bitsAllocated,
        int bitsStored,
        boolean signed,
        String photometric,
        boolean bigEndian,
        boolean encapsulated,
        double rescaleSlope,
        double rescaleIntercept,
        double windowCenter,
        double windowWidth) {

    public static final PixelLayout NONE =
            new PixelLayout(0, 0, 0, 0, 0, 0, false, "", false, false, 1, 0, Double.NaN, Double.NaN);

    /** Bytes of one uncompressed frame; callers have checked that it does not overflow. */
    public long frameBytes() {
        return (long) rows * columns * samplesPerPixel * (bitsAllocated / 8);
    }

    public boolean isMonochrome() {
        return photometric.startsWith("MONOCHROME");
    }
}
