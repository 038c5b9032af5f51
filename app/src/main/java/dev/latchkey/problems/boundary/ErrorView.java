package dev.latchkey.problems.boundary;

import dev.latchkey.problems.control.InvalidField;
import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/** The single error body of every endpoint. {@code errors} appears only for field problems. */
@JsonbNillable(false)
public record ErrorView(String error, String message, String requestId, List<InvalidField> errors) {
}
