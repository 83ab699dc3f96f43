package vn.teleconsult.imaging.dicom;

/**
 * What the store needs to know of one DICOM instance: its identity, the attributes it indexes, where its pixels lie
 * in the file, and its DICOM JSON metadata (without bulk data).
 *
 * @param pixelOffset file offset of the first Pixel Data value byte, or -1 when the instance has no pixels
 * @param pixelLength length of the Pixel Data value, or -1 when encapsulated (undefined length)
 */
public record ParsedInstance(
        String studyUid,
        String seriesUid,
        String sopInstanceUid,
        String sopClassUid,
        String transferSyntax,
        String patientId,
        String patientName,
        String patientBirthDate,
        String patientSex,
        String studyDate,
        String studyTime,
        String accessionNumber,
        String studyId,
        String studyDescription,
        String referringPhysician,
        String modality,
        Integer seriesNumber,
        String seriesDescription,
        Integer instanceNumber,
        PixelLayout pixels,
        long pixelOffset,
        long pixelLength,
        String metadataJson) {

    public boolean hasPixels() {
        return pixelOffset >= 0;
    }
}
