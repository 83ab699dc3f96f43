package vn.teleconsult.consult.service;

import java.util.List;

/**
 * What the PDF of a report says, in the order of the official consult minutes ("Biên bản hội chẩn", Circular
 * 49/2017/TT-BYT, Annex I); plain strings, already chosen and formatted.
 */
public record ReportDocument(
        String consultId,
        String time,
        String place,
        List<String> participants,
        List<String> patient,
        String clinicalSummary,
        String question,
        String findings,
        String assessment,
        String conclusions,
        String recommendations,
        String freeText,
        String signedBy,
        String signedAt,
        List<String> addenda) {}
