package dev.latchkey.http.boundary;

import dev.latchkey.http.control.JsonBodies;
import dev.latchkey.http.control.KnownFields;
import dev.latchkey.http.control.ReadsItself;
import dev.latchkey.http.control.RequestRecords;
import dev.latchkey.problems.control.PayloadTooLargeException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Every JSON request body passes {@link JsonBodies} (size, UTF-8, depth) and {@link KnownFields} (no
 * field its record lacks) before it is bound, and {@link RequestRecords} (no null in arrays, no control
 * characters in strings) after: one rule for all endpoints, so bad input is a 400 in the error shape, never a
 * failure deep in binding or the domain. A record that {@link ReadsItself} makes those checks as it is read.
 */
@Provider
public class JsonBodyGuard implements ReaderInterceptor {

    /** No management body comes near this; the data API has its own, smaller limit. */
    public static final int MAX_BYTES = 1 << 20;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!isJson(context.getMediaType())) {
            return context.proceed();
        }
        byte[] body = readAtMost(context.getInputStream(), MAX_BYTES);
        JsonBodies.check(body);
        if (ReadsItself.class.isAssignableFrom(context.getType())) {
            context.setInputStream(new ByteArrayInputStream(body));
            return context.proceed();
        }
        KnownFields.check(new String(body, StandardCharsets.UTF_8), context.getGenericType());
        context.setInputStream(new ByteArrayInputStream(body));
        Object bound = context.proceed();
        RequestRecords.check(bound);
        return bound;
    }

    public static boolean isJson(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            throw new PayloadTooLargeException(limit);
        }
        return body;
    }
}
