package vn.teleconsult.consult.service;

import jakarta.validation.constraints.Size;

/**
 * The specialist's report: findings, assessment, conclusions on the consult's question, recommendations, and free
 * text; {@code version} is the report version the writer last saw (optional).
 */
public record ReportInput(
        @Size(max = 20000) String findings,
        @Size(max = 20000) String assessment,
        @Size(max = 20000) String conclusions,
        @Size(max = 20000) String recommendations,
        @Size(max = 20000) String freeText,
        Long version) {}
