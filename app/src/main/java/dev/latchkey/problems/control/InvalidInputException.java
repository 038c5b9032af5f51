package dev.latchkey.problems.control;

import java.util.List;

/** The request was malformed or a field failed validation; nothing was changed. */
public class InvalidInputException extends DomainException {

    private final List<InvalidField> fields;

    public InvalidInputException(String message) {
        this(message, List.of());
    }

    public InvalidInputException(String field, String message) {
        this(message, List.of(new InvalidField(field, message)));
    }

    public InvalidInputException(String message, List<InvalidField> fields) {
        super(ErrorCode.INVALID_REQUEST, message);
        this.fields = List.copyOf(fields);
    }

    @Override
    public List<InvalidField> fields() {
        return fields;
    }
}
