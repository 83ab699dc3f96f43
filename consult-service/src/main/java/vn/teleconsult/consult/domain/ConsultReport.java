package vn.teleconsult.consult.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** The hub specialist's report on a consult; once signed it never changes (corrections are addenda). */
@Entity
@Table(schema = "consult", name = "consult_report")
public class ConsultReport {

    @Id
    @Column(name = "consult_id")
    public UUID consultId;

    @Version
    public long version;

    public String findings;

    public String assessment;

    public String conclusions;

    public String recommendations;

    @Column(name = "free_text")
    public String freeText;

    @Column(name = "author_id")
    public UUID authorId;

    @Column(name = "signed_by")
    public UUID signedBy;

    @Column(name = "signed_at")
    public Instant signedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean signed() {
        return signedAt != null;
    }
}
