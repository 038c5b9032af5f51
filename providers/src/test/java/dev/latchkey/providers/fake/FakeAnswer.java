package dev.latchkey.providers.fake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The answer a fake is about to send: status, headers and body, or nothing at all (a dropped
 * connection). Built while the fake holds its lock, sent after it let go.
 */
public final class FakeAnswer {

    private int status = 404;
    private String body = "";
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private boolean dropped;

    /** Sets the status and body. */
    public FakeAnswer send(int status, String body) {
        this.status = status;
        this.body = body == null ? "" : body;
        return this;
    }

    /** Sets the status and a JSON body, with {@code Content-Type: application/json}. */
    public FakeAnswer json(int status, JSONObject body) {
        contentType("application/json; charset=utf-8");
        return send(status, body.toString());
    }

    /** Sets the status and a JSON array body, with {@code Content-Type: application/json}. */
    public FakeAnswer json(int status, JSONArray body) {
        contentType("application/json; charset=utf-8");
        return send(status, body.toString());
    }

    /** Adds a response header. */
    public FakeAnswer header(String name, String value) {
        headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        return this;
    }

    /** Replaces the {@code Content-Type}. */
    public FakeAnswer contentType(String value) {
        headers.remove("Content-Type");
        return header("Content-Type", value);
    }

    /** Closes the connection without any response, as a network failure would. */
    public FakeAnswer drop() {
        dropped = true;
        return this;
    }

    int status() {
        return status;
    }

    String body() {
        return body;
    }

    Map<String, List<String>> headers() {
        return headers;
    }

    boolean dropped() {
        return dropped;
    }
}
