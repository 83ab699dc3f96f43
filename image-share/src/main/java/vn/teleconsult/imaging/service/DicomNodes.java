package vn.teleconsult.imaging.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.teleconsult.platform.problem.ProblemException;

/**
 * The DICOM application entities the platform knows, per hospital: callers it accepts associations from (CALLING, also
 * C-MOVE destinations when they have host and port) and hospital PACS it queries (REMOTE).
 */
@ApplicationScoped
public class DicomNodes {

    /** One application entity. */
    public record Node(UUID id, UUID hospitalId, String aeTitle, String host, Integer port, Kind kind) {}

    /** CALLING: may call us; REMOTE: a PACS we call. */
    public enum Kind {
        CALLING,
        REMOTE
    }

    private final EntityManager em;

    public DicomNodes(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Node register(UUID hospitalId, String aeTitle, String host, Integer port, Kind kind) {
        String ae = validTitle(aeTitle);
        validPeer(host, port, kind);
        if (byTitle(ae, kind).isPresent()) {
            throw ProblemException.conflict("The AE title " + ae + " is already registered.");
        }
        var node = new Node(UUID.randomUUID(), hospitalId, ae, blankToNull(host), port, kind);
        // a title registered meanwhile by a concurrent request is the same conflict as one found above
        int inserted = em.createNativeQuery("insert into imaging.dicom_node (id, hospital_id, ae_title, host, port,"
                        + " kind) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (kind, ae_title) do nothing")
                .setParameter(1, node.id())
                .setParameter(2, hospitalId)
                .setParameter(3, ae)
                .setParameter(4, node.host())
                .setParameter(5, port)
                .setParameter(6, kind.name())
                .executeUpdate();
        if (inserted == 0) {
            throw ProblemException.conflict("The AE title " + ae + " is already registered.");
        }
        return node;
    }

    /** Changes a node's AE title, host and port; its hospital and kind stay. */
    @Transactional
    public Node update(Node node, String aeTitle, String host, Integer port) {
        String ae = validTitle(aeTitle);
        validPeer(host, port, node.kind());
        if (byTitle(ae, node.kind())
                .filter(other -> !other.id().equals(node.id()))
                .isPresent()) {
            throw ProblemException.conflict("The AE title " + ae + " is already registered.");
        }
        em.createNativeQuery("update imaging.dicom_node set ae_title = ?2, host = ?3, port = ?4 where id = ?1")
                .setParameter(1, node.id())
                .setParameter(2, ae)
                .setParameter(3, blankToNull(host))
                .setParameter(4, port)
                .executeUpdate();
        return new Node(node.id(), node.hospitalId(), ae, blankToNull(host), port, node.kind());
    }

    @Transactional
    public boolean delete(UUID id) {
        return em.createNativeQuery("delete from imaging.dicom_node where id = ?1")
                        .setParameter(1, id)
                        .executeUpdate()
                > 0;
    }

    /** Every node, or those of one hospital, by hospital, kind and AE title. */
    @Transactional
    public List<Node> list(UUID hospitalId) {
        return em
                .createNativeQuery("select id, hospital_id, ae_title, host, port, kind from imaging.dicom_node"
                        + " where cast(?1 as uuid) is null or hospital_id = ?1 order by hospital_id, kind, ae_title")
                .setParameter(1, hospitalId)
                .getResultList()
                .stream()
                .map(r -> node((Object[]) r))
                .toList();
    }

    private static String validTitle(String aeTitle) {
        String ae = aeTitle == null ? "" : aeTitle.trim();
        if (ae.isEmpty() || ae.length() > 16 || !ae.matches("[\\x20-\\x5B\\x5D-\\x7E]+")) {
            throw ProblemException.badRequest("An AE title has 1 to 16 printable characters, no backslash.");
        }
        return ae;
    }

    private static void validPeer(String host, Integer port, Kind kind) {
        if (port != null && (port < 1 || port > 65535)) {
            throw ProblemException.badRequest("port: 1 to 65535.");
        }
        String h = blankToNull(host);
        if (h != null && (h.length() > 253 || !h.matches("[A-Za-z0-9.:\\-\\[\\]]+"))) {
            throw ProblemException.badRequest("host: a host name or an IP address, without scheme or path.");
        }
        if ((h == null) != (port == null)) {
            throw ProblemException.badRequest("Give both host and port, or neither.");
        }
        if (kind == Kind.REMOTE && h == null) {
            throw ProblemException.badRequest("A PACS (REMOTE) needs a host and a port.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Transactional
    public Optional<Node> byTitle(String aeTitle, Kind kind) {
        List<?> rows = em.createNativeQuery("select id, hospital_id, ae_title, host, port, kind from imaging.dicom_node"
                        + " where ae_title = ?1 and kind = ?2")
                .setParameter(1, aeTitle.trim())
                .setParameter(2, kind.name())
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(node((Object[]) rows.get(0)));
    }

    @Transactional
    public Optional<Node> byId(UUID id) {
        List<?> rows = em.createNativeQuery(
                        "select id, hospital_id, ae_title, host, port, kind from imaging.dicom_node" + " where id = ?1")
                .setParameter(1, id)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(node((Object[]) rows.get(0)));
    }

    @Transactional
    public List<Node> of(UUID hospitalId, Kind kind) {
        return em
                .createNativeQuery("select id, hospital_id, ae_title, host, port, kind from imaging.dicom_node"
                        + " where hospital_id = ?1 and kind = ?2 order by ae_title")
                .setParameter(1, hospitalId)
                .setParameter(2, kind.name())
                .getResultList()
                .stream()
                .map(r -> node((Object[]) r))
                .toList();
    }

    private static Node node(Object[] r) {
        return new Node(
                (UUID) r[0],
                (UUID) r[1],
                (String) r[2],
                (String) r[3],
                r[4] == null ? null : ((Number) r[4]).intValue(),
                Kind.valueOf((String) r[5]));
    }
}
