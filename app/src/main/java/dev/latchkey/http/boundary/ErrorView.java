package dev.latchkey.http.boundary;

import dev.latchkey.problems.control.InvalidField;
import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import java.util.Map;

/**
 * The single error body of every endpoint. {@code errors} appears only for field problems,
 * {@code details} only where a refusal says what to do next (the teams to choose from at sign-in).
 */
@JsonbNillable(false)
public record ErrorView(String error, String message, String requestId, List<InvalidField> errors,
                        Map<String, Object> details) {
}
