package dev.latchkey.http.boundary;

import dev.latchkey.http.control.WireNames;
import dev.latchkey.problems.control.ErrorCode;
import dev.latchkey.problems.control.InvalidField;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/** Bean Validation failures on request bodies: 400 naming each field as the caller sent it. */
@Provider
public class ValidationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Inject
    Problems problems;

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<InvalidField> fields = exception.getConstraintViolations().stream()
                .map(v -> new InvalidField(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(InvalidField::field))
                .toList();
        String message = fields.size() == 1
                ? "Invalid " + fields.get(0).field() + ": " + fields.get(0).message()
                : "The request has " + fields.size() + " invalid fields";
        return problems.response(ErrorCode.INVALID_REQUEST, message, fields);
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        String last = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
                last = node.getName();
            }
        }
        return last == null ? "body" : WireNames.of(last);
    }
}
