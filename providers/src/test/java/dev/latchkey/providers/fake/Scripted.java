package dev.latchkey.providers.fake;

import java.util.Map;

/**
 * A scripted answer that replaces what a fake would have answered; {@code drop} closes the
 * connection without any response.
 */
public record Scripted(int status, String body, Map<String, String> headers, boolean drop) {

    public Scripted {
        headers = Map.copyOf(headers);
    }

    /** An answer with this status, body and headers. */
    public static Scripted answer(int status, String body, Map<String, String> headers) {
        return new Scripted(status, body, headers, false);
    }

    /** No answer: the connection is closed. */
    public static Scripted dropped() {
        return new Scripted(0, "", Map.of(), true);
    }

    void writeTo(FakeAnswer answer) {
        if (drop) {
            answer.drop();
            return;
        }
        headers.forEach(answer::header);
        answer.send(status, body);
    }
}
