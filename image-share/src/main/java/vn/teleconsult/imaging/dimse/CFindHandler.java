package vn.teleconsult.imaging.dimse;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.AttributeTagAttribute;
import com.pixelmed.dicom.DicomDictionary;
import com.pixelmed.dicom.SpecificCharacterSet;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.query.QueryResponseGenerator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import vn.teleconsult.imaging.dicom.DicomUids;
import vn.teleconsult.imaging.service.StudyFilter;
import vn.teleconsult.imaging.service.StudyQuery;
import vn.teleconsult.platform.security.Actor;

/** C-FIND SCP (Study Root, levels STUDY, SERIES, IMAGE): answers from {@link StudyQuery} for the calling AE. */
final class CFindHandler implements QueryResponseGenerator {

    private static final int SUCCESS = 0x0000;
    private static final int UNABLE_TO_PROCESS = 0xC000;
    private static final int IDENTIFIER_DOES_NOT_MATCH = 0xA900;
    private static final DicomDictionary DICTIONARY = DicomDictionary.StandardDictionary;
    private static final SpecificCharacterSet UTF8 = new SpecificCharacterSet(new String[] {"ISO_IR 192"});

    private final StudyQuery query;
    private final Actor actor;
    private final int maxResults;
    private Iterator<Map<AttributeTag, String>> results =
            List.<Map<AttributeTag, String>>of().iterator();
    private AttributeList identifier;
    private int status = SUCCESS;
    private String error;

    CFindHandler(StudyQuery query, Actor actor, int maxResults) {
        this.query = query;
        this.actor = actor;
        this.maxResults = maxResults;
    }

    @Override
    public void performQuery(String sopClassUid, AttributeList identifier, boolean relational) {
        this.identifier = identifier;
        try {
            String level = value(identifier, TagFromName.QueryRetrieveLevel);
            StudyFilter filter = filter(identifier);
            var rows = new ArrayList<Map<AttributeTag, String>>();
            switch (level) {
                case "STUDY" ->
                    query.studies(actor, filter).forEach(s -> {
                        var row = new HashMap<AttributeTag, String>();
                        row.put(TagFromName.StudyInstanceUID, s.studyUid());
                        row.put(TagFromName.PatientID, s.patientId());
                        row.put(TagFromName.PatientName, s.patientName());
                        row.put(TagFromName.PatientBirthDate, s.patientBirthDate());
                        row.put(TagFromName.PatientSex, s.patientSex());
                        row.put(TagFromName.StudyDate, s.studyDate());
                        row.put(TagFromName.StudyTime, s.studyTime());
                        row.put(TagFromName.AccessionNumber, s.accessionNumber());
                        row.put(TagFromName.StudyID, s.studyId());
                        row.put(TagFromName.StudyDescription, s.studyDescription());
                        row.put(TagFromName.ModalitiesInStudy, s.modalities());
                        row.put(TagFromName.NumberOfStudyRelatedSeries, Integer.toString(s.seriesCount()));
                        row.put(TagFromName.NumberOfStudyRelatedInstances, Integer.toString(s.instanceCount()));
                        rows.add(row);
                    });
                case "SERIES" ->
                    query.series(actor, filter).forEach(s -> {
                        var row = new HashMap<AttributeTag, String>();
                        row.put(TagFromName.StudyInstanceUID, s.studyUid());
                        row.put(TagFromName.SeriesInstanceUID, s.seriesUid());
                        row.put(TagFromName.Modality, s.modality());
                        row.put(
                                TagFromName.SeriesNumber,
                                s.seriesNumber() == null ? "" : s.seriesNumber().toString());
                        row.put(TagFromName.SeriesDescription, s.seriesDescription());
                        row.put(TagFromName.NumberOfSeriesRelatedInstances, Integer.toString(s.instanceCount()));
                        rows.add(row);
                    });
                case "IMAGE" ->
                    query.instances(actor, filter).forEach(i -> {
                        var row = new HashMap<AttributeTag, String>();
                        row.put(TagFromName.StudyInstanceUID, i.studyUid());
                        row.put(TagFromName.SeriesInstanceUID, i.seriesUid());
                        row.put(TagFromName.SOPInstanceUID, i.sopInstanceUid());
                        row.put(TagFromName.SOPClassUID, i.sopClassUid());
                        row.put(
                                TagFromName.InstanceNumber,
                                i.instanceNumber() == null
                                        ? ""
                                        : i.instanceNumber().toString());
                        rows.add(row);
                    });
                default -> {
                    status = IDENTIFIER_DOES_NOT_MATCH;
                    error = "Query/Retrieve Level must be STUDY, SERIES or IMAGE";
                }
            }
            results = rows.iterator();
        } catch (IllegalArgumentException e) {
            status = IDENTIFIER_DOES_NOT_MATCH;
            error = e.getMessage();
        } catch (RuntimeException e) {
            status = UNABLE_TO_PROCESS;
            error = "query failed";
        }
    }

    private StudyFilter filter(AttributeList id) {
        String[] dates = StudyFilter.dateRange(value(id, TagFromName.StudyDate));
        String from = dates[0];
        String to = dates[1];
        var studies = new ArrayList<String>();
        for (String uid : value(id, TagFromName.StudyInstanceUID).split("\\\\")) {
            if (!uid.isBlank()) {
                studies.add(uid(uid.trim()));
            }
        }
        String series = value(id, TagFromName.SeriesInstanceUID);
        String sop = value(id, TagFromName.SOPInstanceUID);
        String modality = value(id, TagFromName.ModalitiesInStudy);
        String seriesModality = value(id, TagFromName.Modality);
        return new StudyFilter(
                blankToNull(value(id, TagFromName.PatientID)),
                blankToNull(value(id, TagFromName.PatientName)),
                from,
                to,
                blankToNull(modality),
                blankToNull(value(id, TagFromName.AccessionNumber)),
                studies,
                series.isEmpty() ? null : uid(series),
                sop.isEmpty() ? null : uid(sop),
                maxResults,
                0,
                blankToNull(seriesModality));
    }

    private static String uid(String value) {
        if (!DicomUids.isValid(value)) {
            throw new IllegalArgumentException("not a valid UID");
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() || s.equals("*") ? null : s;
    }

    private static String value(AttributeList list, AttributeTag tag) {
        return Attribute.getDelimitedStringValuesOrEmptyString(list, tag).trim();
    }

    @Override
    public AttributeList next() {
        if (!results.hasNext()) {
            return null;
        }
        Map<AttributeTag, String> row = results.next();
        var response = new AttributeList();
        try {
            boolean nonAscii = false;
            for (Object key : identifier.keySet()) {
                var tag = (AttributeTag) key;
                if (tag.equals(TagFromName.SpecificCharacterSet)) {
                    continue;
                }
                byte[] vr = DICTIONARY.getValueRepresentationFromTag(tag);
                var attribute =
                        vr == null ? AttributeFactory.newAttribute(tag) : AttributeFactory.newAttribute(tag, vr, UTF8);
                String v = tag.equals(TagFromName.QueryRetrieveLevel) ? value(identifier, tag) : row.get(tag);
                if (v != null && !v.isEmpty()) {
                    nonAscii |= !StandardCharsets.US_ASCII.newEncoder().canEncode(v);
                    for (String part : v.split("\\\\")) {
                        attribute.addValue(part);
                    }
                }
                response.put(attribute);
            }
            // PS3.4 C.4.1.1.3.2: the response names the character set of its values whenever they need one
            if (nonAscii || identifier.get(TagFromName.SpecificCharacterSet) != null) {
                var charset = AttributeFactory.newAttribute(TagFromName.SpecificCharacterSet);
                charset.addValue("ISO_IR 192");
                response.put(charset);
            }
        } catch (com.pixelmed.dicom.DicomException e) {
            throw new IllegalStateException(e);
        }
        return response;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public AttributeTagAttribute getOffendingElement() {
        return null;
    }

    @Override
    public String getErrorComment() {
        return error;
    }

    @Override
    public void close() {
        results = List.<Map<AttributeTag, String>>of().iterator();
    }

    @Override
    public boolean allOptionalKeysSuppliedWereSupported() {
        return true;
    }
}
