package dev.latchkey.verification.boundary;

import dev.latchkey.http.control.JsonP;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Reads {@link VerifyKeyRequest} and writes {@link VerificationView} with JSON-P, instead of JSON-B:
 * verification is the one route the team's own API calls on every request it serves, and JSON-B's
 * binding, its second parse for unknown fields and Bean Validation were most of what it cost beyond
 * whoami. The documented shapes are those of the records.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class VerificationJson implements MessageBodyReader<VerifyKeyRequest>, MessageBodyWriter<VerificationView> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == VerifyKeyRequest.class;
    }

    @Override
    public VerifyKeyRequest readFrom(Class<VerifyKeyRequest> type, Type genericType, Annotation[] annotations,
                                     MediaType mediaType, MultivaluedMap<String, String> headers, InputStream body)
            throws java.io.IOException {
        return VerifyKeyRequest.read(new String(body.readAllBytes(), StandardCharsets.UTF_8));
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == VerificationView.class;
    }

    @Override
    public void writeTo(VerificationView answer, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
            throws java.io.IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1024);
        // Flushed, not closed: closing would close the response's stream.
        JsonGenerator json = JsonP.createGenerator(writer);
        answer.write(json);
        json.flush();
        writer.flush();
    }
}
