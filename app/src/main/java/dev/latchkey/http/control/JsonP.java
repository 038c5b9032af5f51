package dev.latchkey.http.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.Reader;
import java.io.Writer;
import java.util.Collection;
import java.util.Map;

/**
 * JSON-P through one provider looked up once. {@code jakarta.json.Json}'s static methods look
 * the provider up with a {@code ServiceLoader} scan on every call: a fifth of a request's CPU
 * time when the access log used them.
 */
public final class JsonP {

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonGeneratorFactory GENERATORS = PROVIDER.createGeneratorFactory(Map.of());

    private JsonP() {
    }

    public static JsonObjectBuilder createObjectBuilder() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonArrayBuilder createArrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonArrayBuilder createArrayBuilder(Collection<?> values) {
        return PROVIDER.createArrayBuilder(values);
    }

    public static JsonReader createReader(Reader reader) {
        return PROVIDER.createReader(reader);
    }

    public static JsonGenerator createGenerator(Writer writer) {
        return GENERATORS.createGenerator(writer);
    }
}
