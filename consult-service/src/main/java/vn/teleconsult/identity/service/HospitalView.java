package vn.teleconsult.identity.service;

import java.util.List;
import java.util.UUID;
import vn.teleconsult.identity.domain.Hospital;
import vn.teleconsult.platform.directory.HospitalKind;

/** A hospital as the API shows it, with the ids of the hubs a satellite is linked to. */
public record HospitalView(
        UUID id,
        String code,
        String name,
        HospitalKind kind,
        String province,
        String timeZone,
        boolean active,
        List<UUID> hubIds,
        long version) {

    static HospitalView of(Hospital h) {
        return new HospitalView(
                h.id,
                h.code,
                h.name,
                h.kind,
                h.province,
                h.timeZone,
                h.active,
                h.hubs.stream().map(hub -> hub.id).sorted().toList(),
                h.version);
    }
}
