package vn.teleconsult.consult.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import vn.teleconsult.platform.directory.Directory;
import vn.teleconsult.platform.directory.HospitalRef;
import vn.teleconsult.platform.directory.PersonRef;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.Role;

/** The hubs a satellite doctor may send a consult to (the active hubs linked to their hospital) and their specialties. */
@ApplicationScoped
public class HubChoices {

    /** A linked hub with the specialties of its active specialists. */
    public record HubChoice(UUID id, String code, String name, String timeZone, List<String> specialties) {}

    private final Directory directory;

    public HubChoices(Directory directory) {
        this.directory = directory;
    }

    public List<HubChoice> forRequester(Actor actor) {
        if (!actor.has(Role.SATELLITE_DOCTOR) || actor.hospitalId() == null) {
            throw ProblemException.forbidden("Only satellite doctors choose a hub to send a consult to.");
        }
        return directory.hubsOf(actor.hospitalId()).stream()
                .filter(HospitalRef::active)
                .map(hub -> new HubChoice(hub.id(), hub.code(), hub.name(), hub.timeZone(), specialties(hub.id())))
                .toList();
    }

    private List<String> specialties(UUID hubId) {
        return directory.staff(hubId, Role.HUB_SPECIALIST).stream()
                .filter(PersonRef::enabled)
                .map(PersonRef::specialty)
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .sorted()
                .toList();
    }
}
