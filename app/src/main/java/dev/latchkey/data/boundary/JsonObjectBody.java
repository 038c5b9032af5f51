package dev.latchkey.data.boundary;

import dev.latchkey.http.control.JsonP;
import dev.latchkey.problems.control.InvalidInputException;
import dev.latchkey.problems.control.PayloadTooLargeException;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/** Reads a request body that must be one JSON object of at most a given size. */
final class JsonObjectBody {

    private JsonObjectBody() {
    }

    static JsonObject read(InputStream in, String contentLength, int limit) throws IOException {
        if (contentLength != null && contentLength.matches("\\d{1,18}") && Long.parseLong(contentLength) > limit) {
            throw new PayloadTooLargeException(limit);
        }
        var buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int total = 0;
        for (int n; in != null && (n = in.read(chunk)) > 0; ) {
            total += n;
            if (total > limit) {
                throw new PayloadTooLargeException(limit);
            }
            buffer.write(chunk, 0, n);
        }
        String text = buffer.toString(StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new InvalidInputException("A JSON object body is required");
        }
        JsonValue value;
        try (var reader = JsonP.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw new InvalidInputException("The request body is not valid JSON");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException("The body must be a JSON object");
        }
        return value.asJsonObject();
    }
}
