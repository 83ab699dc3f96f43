package vn.teleconsult.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.platform.directory.HospitalKind;

/** A hospital of the network; satellites are linked to the hubs they send consults to. */
@Entity
@Table(schema = "identity", name = "hospital")
public class Hospital {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HospitalKind kind;

    public String province;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    /** The hubs this satellite is linked to (empty for hubs). */
    @ManyToMany
    @JoinTable(
            schema = "identity",
            name = "hub_link",
            joinColumns = @JoinColumn(name = "satellite_id"),
            inverseJoinColumns = @JoinColumn(name = "hub_id"))
    public Set<Hospital> hubs = new HashSet<>();
}
