package dev.latchkey.providers;

/** How a client proves itself at the token endpoint (RFC 6749 §2.3.1). */
public enum ClientAuthentication {
    /** HTTP Basic: {@code Authorization: Basic base64(client_id:client_secret)}. */
    BASIC,
    /** {@code client_id} and {@code client_secret} in the form body. */
    POST
}
