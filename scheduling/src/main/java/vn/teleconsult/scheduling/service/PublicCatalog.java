package vn.teleconsult.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import vn.teleconsult.platform.directory.Directory;
import vn.teleconsult.platform.directory.HospitalRef;
import vn.teleconsult.scheduling.api.BookingKind;
import vn.teleconsult.scheduling.api.VisitMode;
import vn.teleconsult.scheduling.domain.Schedule;
import vn.teleconsult.scheduling.repository.ScheduleRepository;

/** What patients may book without signing in: which hospitals offer which visit services, and in which modes. */
@ApplicationScoped
public class PublicCatalog {

    /** One hospital's patient-visit service; modes are the union over its schedules. */
    public record PublicService(
            UUID hospitalId,
            String hospitalCode,
            String hospitalName,
            String serviceCode,
            String specialty,
            Set<VisitMode> modes,
            String timeZone) {}

    /** The catalogue, with the ICD-10 codes (or prefixes) for which a VIDEO visit may be booked. */
    public record Catalog(List<PublicService> services, List<String> videoIcd10) {}

    private static final int MAX_SCHEDULES = 5000;

    private final ScheduleRepository schedules;
    private final Directory directory;
    private final SchedulingSettings settings;

    public PublicCatalog(ScheduleRepository schedules, Directory directory, SchedulingSettings settings) {
        this.schedules = schedules;
        this.directory = directory;
        this.settings = settings;
    }

    @Transactional
    public Catalog catalog() {
        var found = schedules.search(
                new ScheduleRepository.Filter(BookingKind.PATIENT_VISIT, null, null, null, null, null), MAX_SCHEDULES);
        Map<String, PublicService> byKey = new LinkedHashMap<>();
        Map<UUID, HospitalRef> hospitals = new LinkedHashMap<>();
        for (Schedule s : found) {
            HospitalRef hospital = hospitals.computeIfAbsent(
                    s.hospitalId, id -> directory.hospital(id).orElse(null));
            if (hospital == null || !hospital.active()) {
                continue;
            }
            byKey.merge(
                    s.hospitalId + "/" + s.serviceCode,
                    new PublicService(
                            hospital.id(),
                            hospital.code(),
                            hospital.name(),
                            s.serviceCode,
                            s.specialty,
                            new TreeSet<>(s.modeSet()),
                            s.timeZone),
                    (a, b) -> {
                        var modes = new TreeSet<>(a.modes());
                        modes.addAll(b.modes());
                        return new PublicService(
                                a.hospitalId(),
                                a.hospitalCode(),
                                a.hospitalName(),
                                a.serviceCode(),
                                a.specialty(),
                                modes,
                                a.timeZone());
                    });
        }
        var services = byKey.values().stream()
                .sorted(Comparator.comparing(PublicService::hospitalName).thenComparing(PublicService::serviceCode))
                .toList();
        return new Catalog(services, List.copyOf(settings.videoIcd10()));
    }
}
