package org.shebao.casework;

import lombok.RequiredArgsConstructor;
import org.shebao.policy.Implements;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Certificates the agency issues, with an electronic seal (N-3c): the content is signed with the agency's key
 * (SHA256withRSA) and anyone can check it on the public verification page by its code.
 */
@Implements(measure = "ELECTRONIC_SEAL_AND_ARCHIVE", rule = "电子证明：加盖机构电子印章（SHA256withRSA），可在线核验",
        ruleEn = "Certificates sealed with the agency key (SHA256withRSA), verifiable online")
@Service
@RequiredArgsConstructor
public class Certificates {
    /** An issued certificate and whether its seal verifies against the content. */
    public record Issued(String code, long caseId, String content, String signature, String keyId,
                         OffsetDateTime issuedAt, boolean sealValid) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SealKeystore seal;

    @Transactional
    public Issued issue(long caseId, String region, String content) {
        SealKeystore key = key();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String code = "CERT-" + Archive.sha256((caseId + "|" + content + "|" + now).getBytes(StandardCharsets.UTF_8))
                .substring(0, 16).toUpperCase();
        String signature = sign(key.privateKey(), content);
        jdbc.sql("""
                INSERT INTO casework_certificate (case_id, region_code, code, content, signature, key_id, issued_at)
                VALUES (:c, :region, :code, :content, :sig, :key, :now)""")
                .param("c", caseId).param("region", region).param("code", code).param("content", content).param("sig", signature)
                .param("key", key.keyId()).param("now", now).update();
        return new Issued(code, caseId, content, signature, key.keyId(), now, true);
    }

    public Optional<Issued> byCode(String code) {
        return jdbc.sql("SELECT code, case_id, content, signature, key_id, issued_at FROM casework_certificate WHERE code = :c")
                .param("c", code).query((rs, i) -> issued(rs)).optional();
    }

    public Optional<Issued> forCase(long caseId) {
        return jdbc.sql("SELECT code, case_id, content, signature, key_id, issued_at FROM casework_certificate WHERE case_id = :c")
                .param("c", caseId).query((rs, i) -> issued(rs)).optional();
    }

    private Issued issued(ResultSet rs) throws SQLException {
        String content = rs.getString("content");
        String sig = rs.getString("signature");
        String keyId = rs.getString("key_id");
        boolean valid = verify(keyId, content, sig);
        return new Issued(rs.getString("code"), rs.getLong("case_id"), content, sig, keyId,
                rs.getObject("issued_at", OffsetDateTime.class).atZoneSameInstant(clock.getZone()).toOffsetDateTime(), valid);
    }

    /** The keystore's key, its public half registered for verification (historic keys stay registered). */
    private SealKeystore key() {
        jdbc.sql("""
                INSERT INTO casework_seal_key (key_id, public_key, created_at)
                VALUES (:id, :pub, :now) ON CONFLICT DO NOTHING""")
                .param("id", seal.keyId()).param("pub", seal.publicKey().getEncoded())
                .param("now", OffsetDateTime.now(clock)).update();
        return seal;
    }

    private boolean verify(String keyId, String content, String signature) {
        Optional<byte[]> pub = jdbc.sql("SELECT public_key FROM casework_seal_key WHERE key_id = :id").param("id", keyId)
                .query(byte[].class).optional();
        if (pub.isEmpty()) {
            return false;
        }
        try {
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pub.get()));
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key);
            s.update(content.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String sign(PrivateKey key, String content) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(content.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
