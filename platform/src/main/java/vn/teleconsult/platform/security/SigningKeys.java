package vn.teleconsult.platform.security;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * Holds the RSA key that signs the platform's tokens: read from the configured PEM file, or generated into the data
 * directory on first start.
 */
@ApplicationScoped
public class SigningKeys {

    private static final String PEM_HEADER = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_FOOTER = "-----END PRIVATE KEY-----";

    private final RSAPrivateCrtKey privateKey;
    private final RSAPublicKey publicKey;
    private final String keyId;

    public SigningKeys(AuthSettings settings, @ConfigProperty(name = "teleconsult.home") Path home) {
        Path file = settings.signingKeyFile().orElse(home.resolve("keys").resolve("token-signing-key.pem"));
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            this.privateKey = read(file);
            this.publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            this.keyId = new RsaJsonWebKey(publicKey).calculateBase64urlEncodedThumbprint("SHA-256");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token signing key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The token signing key " + file + " is not a PKCS#8 RSA private key", e);
        }
    }

    public RSAPrivateCrtKey privateKey() {
        return privateKey;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    /** The {@code kid} of tokens signed with this key: its RFC 7638 thumbprint. */
    public String keyId() {
        return keyId;
    }

    /** The public key as a JWK Set document, for {@code /api/auth/jwks}. */
    public String jwksJson() {
        var jwk = new RsaJsonWebKey(publicKey);
        jwk.setKeyId(keyId);
        jwk.setAlgorithm("RS256");
        jwk.setUse("sig");
        return new JsonWebKeySet(jwk).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    private static RSAPrivateCrtKey read(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        int start = pem.indexOf(PEM_HEADER);
        int end = pem.indexOf(PEM_FOOTER);
        if (start < 0 || end < start) {
            throw new GeneralSecurityException("no PKCS#8 PEM block");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(start + PEM_HEADER.length(), end));
        return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    /** Writes a new key to a temporary file and moves it into place, so replicas starting together agree on one. */
    private static void generate(Path file) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
        String pem = PEM_HEADER + "\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n" + PEM_FOOTER + "\n";
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".signing-key", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException raced) {
                return;
            } catch (UnsupportedOperationException | IOException noLinks) {
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file);
                }
            }
            Log.infof("Generated a new token signing key in %s", file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
