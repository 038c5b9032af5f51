package dev.latchkey.verification.boundary;

import dev.latchkey.http.control.JsonP;
import dev.latchkey.http.control.KnownFields;
import dev.latchkey.http.control.ReadsItself;
import dev.latchkey.http.control.RequestRecords;
import dev.latchkey.problems.control.InvalidInputException;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /v1/keys/verify}. Read by {@link #read} ({@link VerificationJson}) with JSON-P in one pass,
 * no JSON-B binding nor Bean Validation (the hot path of the team's own API); the annotations document
 * the contract and {@code read} enforces the same rules, with the same 400 shape as every other body.
 */
@Schema(example = "{\"key\": \"rk_live_…\", \"permissions\": [\"write\"], \"scopes\": [\"scope_4hT8kQ1wZr2mXv9B\"], \"cost\": 1, \"client_ip\": \"203.0.113.7\"}",
        description = "permissions the key must hold (read, write, delete, admin); scopes (ids) it must hold, a key "
                + "created without scopes holding all; cost: requests this use counts against the key's rate limit "
                + "(default 1); client_ip: the address of your API's client, checked against the key's allowed_ips")
public record VerifyKeyRequest(
        @NotBlank @Size(max = MAX_KEY) @Schema(description = "The API key presented to your API") String key,
        @Size(max = MAX_PERMISSIONS) List<String> permissions,
        @Size(max = MAX_SCOPES) List<String> scopes,
        @Min(1) @Max(MAX_COST) Integer cost,
        @Size(max = MAX_CLIENT_IP) String clientIp) implements ReadsItself {

    static final int MAX_KEY = 200;
    static final int MAX_PERMISSIONS = 10;
    static final int MAX_SCOPES = 100;
    static final int MAX_COST = 1_000_000;
    static final int MAX_CLIENT_IP = 64;
    private static final Set<String> FIELDS = Set.of("key", "permissions", "scopes", "cost", "client_ip");

    /** The request in {@code json} (already checked for size, UTF-8 and depth), or a 400 naming the field. */
    static VerifyKeyRequest read(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidInputException("A JSON body is required");
        }
        JsonStructure parsed;
        try (var reader = JsonP.createReader(new StringReader(json))) {
            parsed = reader.read();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidInputException("The request body is not valid JSON");
        }
        if (!(parsed instanceof JsonObject body)) {
            throw new InvalidInputException("The request body must be a JSON object");
        }
        for (String name : body.keySet()) {
            if (!FIELDS.contains(name)) {
                throw KnownFields.refused(body.keySet().stream().filter(n -> !FIELDS.contains(n)).sorted().toList(), "");
            }
        }
        String key = text(body, "key", MAX_KEY);
        if (key == null || key.isBlank()) {
            throw new InvalidInputException("key", "key must not be blank");
        }
        return new VerifyKeyRequest(key, texts(body, "permissions", MAX_PERMISSIONS),
                texts(body, "scopes", MAX_SCOPES), cost(body), text(body, "client_ip", MAX_CLIENT_IP));
    }

    private static boolean absent(JsonObject body, String field) {
        JsonValue value = body.get(field);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }

    private static String text(JsonObject body, String field, int max) {
        if (absent(body, field)) {
            return null;
        }
        if (!(body.get(field) instanceof JsonString string)) {
            throw new InvalidInputException(field, field + " must be a string");
        }
        return checked(string.getString(), field, max);
    }

    private static String checked(String text, String field, int max) {
        if (text.length() > max) {
            throw new InvalidInputException(field, field + " must be at most " + max + " characters");
        }
        RequestRecords.requirePlainText(text, field);
        return text;
    }

    private static List<String> texts(JsonObject body, String field, int max) {
        if (absent(body, field)) {
            return null;
        }
        if (!(body.get(field) instanceof JsonArray array)) {
            throw new InvalidInputException(field, field + " must be an array of strings");
        }
        if (array.size() > max) {
            throw new InvalidInputException(field, field + " must hold at most " + max + " entries");
        }
        List<String> texts = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonValue element = array.get(i);
            if (element.getValueType() == JsonValue.ValueType.NULL) {
                throw new InvalidInputException(field, field + " must not contain null (element " + i + ")");
            }
            if (!(element instanceof JsonString string)) {
                throw new InvalidInputException(field, field + " must be an array of strings");
            }
            texts.add(checked(string.getString(), field + "[" + i + "]", MAX_KEY));
        }
        return texts;
    }

    private static Integer cost(JsonObject body) {
        if (absent(body, "cost")) {
            return null;
        }
        if (!(body.get("cost") instanceof JsonNumber number) || !number.isIntegral()
                || number.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(MAX_COST)) > 0
                || number.longValue() < 1) {
            throw new InvalidInputException("cost", "cost must be a whole number from 1 to " + MAX_COST);
        }
        return number.intValue();
    }
}
