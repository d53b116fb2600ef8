package org.shebao.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import javax.crypto.AEADBadTagException;
import org.shebao.common.SecretFiles;

/**
 * ID numbers at rest (issue 10, item 6): encrypted with AES-256-GCM (a random 96-bit nonce per value, the column's
 * name as associated data) and found through a blind index, HMAC-SHA256 of the number under a second key. Both keys
 * are derived from one 256-bit key kept outside the database: {@code SHEBAO_PERSONAL_DATA_KEY} (Base64), or the key
 * file {@code SHEBAO_PERSONAL_DATA_KEY_FILE} (default {@code ./data/keys/personal-data.key}), created on the first
 * start with owner-only permissions when neither exists. Without the key the numbers cannot be read: back it up
 * apart from the database.
 */
@Component
public class IdNumberCipher {
    private static final Logger log = LoggerFactory.getLogger(IdNumberCipher.class);
    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final byte[] AAD = "registry_person.id_number".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec encryption;
    private final SecretKeySpec index;
    private final String source;
    /** Looking a cipher up costs more than encrypting an ID number with it: one per thread, initialised per value. */
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(IdNumberCipher::aesGcm);
    /** One HMAC per thread, keyed once: {@code doFinal} leaves it ready for the next value with the same key. */
    private final ThreadLocal<Mac> indexMacs;

    @Autowired
    IdNumberCipher(RegistryProperties settings) {
        this(settings.key(), settings.keyFile());
    }

    /** With the settings' values themselves (unit tests). */
    IdNumberCipher(String key, String keyFile) {
        byte[] master;
        if (StringUtils.hasText(key)) {
            master = decode(key.strip(), "SHEBAO_PERSONAL_DATA_KEY");
            source = "SHEBAO_PERSONAL_DATA_KEY";
        } else {
            Path file = Path.of(keyFile).toAbsolutePath().normalize();
            master = Files.exists(file) ? read(file) : create(file);
            source = file.toString();
        }
        encryption = new SecretKeySpec(derive(master, "shebao/id-number/aes-256-gcm"), "AES");
        index = new SecretKeySpec(derive(master, "shebao/id-number/blind-index"), "HmacSHA256");
        Arrays.fill(master, (byte) 0);
        indexMacs = ThreadLocal.withInitial(() -> hmac(index));
    }

    /** The version byte, the nonce and the ciphertext with its tag. */
    public byte[] encrypt(String idNumber) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher c = ciphers.get();
            c.init(Cipher.ENCRYPT_MODE, encryption, new GCMParameterSpec(128, nonce));
            c.updateAAD(AAD);
            byte[] sealed = c.doFinal(idNumber.getBytes(StandardCharsets.US_ASCII));
            byte[] out = new byte[1 + NONCE + sealed.length];
            out[0] = VERSION;
            System.arraycopy(nonce, 0, out, 1, NONCE);
            System.arraycopy(sealed, 0, out, 1 + NONCE, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public String decrypt(byte[] stored) {
        if (stored == null || stored.length < 1 + NONCE + 16 || stored[0] != VERSION) {
            throw new IllegalStateException("not an encrypted ID number");
        }
        try {
            Cipher c = ciphers.get();
            c.init(Cipher.DECRYPT_MODE, encryption, new GCMParameterSpec(128, stored, 1, NONCE));
            c.updateAAD(AAD);
            return new String(c.doFinal(stored, 1 + NONCE, stored.length - 1 - NONCE), StandardCharsets.US_ASCII);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("an ID number does not decrypt with the configured key (" + source + ")", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The blind index of a (normalised, valid) ID number: equal numbers, equal indexes; nothing else learnt. */
    public byte[] index(String idNumber) {
        return indexMacs.get().doFinal(idNumber.getBytes(StandardCharsets.US_ASCII));
    }

    /** A digest that identifies the key without revealing it (stored in the database to refuse a wrong key). */
    String keyCheck() {
        return HexFormat.of().formatHex(mac(index, "shebao/key-check".getBytes(StandardCharsets.US_ASCII)));
    }

    /** Where the key came from (a setting's name or a file), for messages; never the key. */
    String source() {
        return source;
    }

    private static byte[] derive(byte[] master, String purpose) {
        return mac(new SecretKeySpec(master, "HmacSHA256"), purpose.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] mac(SecretKeySpec key, byte[] data) {
        return hmac(key).doFinal(data);
    }

    private static Mac hmac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static Cipher aesGcm() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static byte[] decode(String base64, String where) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not Base64: " + e.getMessage());
        }
        if (k.length != 32) {
            throw new IllegalStateException(where + " must hold a 256-bit key (32 bytes, 44 Base64 characters), not "
                    + k.length + " bytes");
        }
        return k;
    }

    private static byte[] read(Path file) {
        try {
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), "the key file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("the personal-data key file " + file + " cannot be read", e);
        }
    }

    private static byte[] create(Path file) {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        try {
            SecretFiles.writeOwnerOnly(file, out -> out.write(
                    (Base64.getEncoder().encodeToString(k) + "\n").getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("the personal-data key file " + file + " cannot be created", e);
        }
        log.warn("Personal-data key created in {}: ID numbers are encrypted with it. Back it up apart from the "
                + "database; without it they cannot be read (or set SHEBAO_PERSONAL_DATA_KEY).", file);
        return k;
    }
}
