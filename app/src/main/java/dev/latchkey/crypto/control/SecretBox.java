package dev.latchkey.crypto.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts reversible secrets (provider tokens, client secrets) with AES-256-GCM under the
 * master key ring. A sealed value reads {@code v1.<key id>.<base64url(nonce | ciphertext | tag)>}.
 * The {@code context} (for example the owning row's id) is bound as associated data, so a
 * ciphertext copied onto another row does not open.
 */
public final class SecretBox {

    static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MasterKeyRing ring;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKeySpec> keys = new HashMap<>();

    public SecretBox(MasterKeyRing ring) {
        this.ring = ring;
    }

    public String seal(String plaintext, String context) {
        MasterKey key = ring.current();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, key, nonce, context,
                plaintext.getBytes(StandardCharsets.UTF_8));
        ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
        return VERSION + "." + key.id() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    }

    /** @throws SecretUnreadableException when the value was altered, moved, or its key is gone */
    public String open(String sealed, String context) {
        String[] parts = sealed.split("\\.");
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new SecretUnreadableException("not a sealed value");
        }
        MasterKey key = ring.byId(parts[1])
                .orElseThrow(() -> new SecretUnreadableException("sealed under unknown master key " + parts[1]));
        byte[] body;
        try {
            body = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new SecretUnreadableException("not a sealed value");
        }
        if (body.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretUnreadableException("sealed value too short");
        }
        byte[] nonce = java.util.Arrays.copyOf(body, NONCE_BYTES);
        byte[] ciphertext = java.util.Arrays.copyOfRange(body, NONCE_BYTES, body.length);
        return new String(run(Cipher.DECRYPT_MODE, key, nonce, context, ciphertext), StandardCharsets.UTF_8);
    }

    /** Whether the value was sealed under an older key and should be sealed again. */
    public boolean needsResealing(String sealed) {
        return !sealed.startsWith(VERSION + "." + ring.current().id() + ".");
    }

    private byte[] run(int mode, MasterKey key, byte[] nonce, String context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, keyFor(key), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SecretUnreadableException("sealed value does not authenticate (altered, or another context)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private synchronized SecretKeySpec keyFor(MasterKey key) {
        return keys.computeIfAbsent(key.id(), id -> new SecretKeySpec(key.derive("latchkey/secret-box/v1"), "AES"));
    }
}
