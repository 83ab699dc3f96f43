package vn.teleconsult.consult;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Documents are checked by content and size; the thread carries them as attachments. */
@QuarkusTest
@QuarkusTestResource(value = ConsultJanus.class, restrictToAnnotatedClass = false)
class ConsultDocumentTest {

    @Inject
    ConsultNetwork network;

    @Test
    void shouldRefuseADocumentThatLiesAboutItsType() {
        var net = network.create();
        UUID id = ConsultNetwork.draft(net, "ROUTINE");
        ConsultNetwork.signedIn(net.doctor())
                .multiPart("file", "scan.pdf", Documents.PNG, "application/pdf")
                .post("/api/consults/{id}/documents", id)
                .then()
                .statusCode(415)
                .body("detail", containsString("image/png"));
        ConsultNetwork.signedIn(net.doctor())
                .multiPart("file", "page.pdf", "<html><script>x</script></html>".getBytes(), "application/pdf")
                .post("/api/consults/{id}/documents", id)
                .then()
                .statusCode(415);
        ConsultNetwork.signedIn(net.doctor())
                .get("/api/consults/{id}/documents", id)
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void shouldRefuseATooLargeDocument() {
        var net = network.create();
        UUID id = ConsultNetwork.draft(net, "ROUTINE");
        byte[] big = new byte[1024 * 1024 + 1];
        System.arraycopy(Documents.PDF, 0, big, 0, Documents.PDF.length);
        ConsultNetwork.signedIn(net.doctor())
                .multiPart("file", "big.pdf", big, "application/pdf")
                .post("/api/consults/{id}/documents", id)
                .then()
                .statusCode(413)
                .body("title", equalTo("Document too large"));
        ConsultNetwork.signedIn(net.doctor())
                .post("/api/consults/{id}/documents", id)
                .then()
                .statusCode(415);
    }

    @Test
    void shouldSendAnAttachmentInTheThreadAndNotifyTheOtherTeam() {
        var net = network.create();
        UUID id = ConsultNetwork.accepted(net, "ROUTINE");
        String doc = ConsultNetwork.signedIn(net.doctor())
                .multiPart("file", "xquang.png", Documents.PNG, "image/png")
                .post("/api/consults/{id}/documents", id)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        ConsultNetwork.as(net.doctor())
                .body(Map.of("body", "Phim X-quang ngực kèm theo.", "documentIds", List.of(doc)))
                .post("/api/consults/{id}/messages", id)
                .then()
                .statusCode(201)
                .body("attachments[0].id", equalTo(doc));
        // a document already sent, or someone else's, cannot be attached again
        ConsultNetwork.as(net.specialist())
                .body(Map.of("body", "again", "documentIds", List.of(doc)))
                .post("/api/consults/{id}/messages", id)
                .then()
                .statusCode(400);
        ConsultNetwork.signedIn(net.specialist())
                .get("/api/consults/notifications?unread=true")
                .then()
                .statusCode(200)
                .body("findAll { it.consultId == '" + id + "' }.kind", org.hamcrest.Matchers.hasItem("NEW_MESSAGE"));
        byte[] back = ConsultNetwork.signedIn(net.specialist())
                .get("/api/consults/{id}/documents/{doc}", id, doc)
                .then()
                .statusCode(200)
                .contentType("image/png")
                .header("X-Content-Type-Options", "nosniff")
                .extract()
                .asByteArray();
        assertArrayEquals(Documents.PNG, back);
        ConsultNetwork.signedIn(net.otherHospitalDoctor())
                .get("/api/consults/{id}/documents/{doc}", id, doc)
                .then()
                .statusCode(404);
    }
}
