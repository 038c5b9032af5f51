package dev.latchkey.http.control;

import dev.latchkey.problems.control.InvalidInputException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/**
 * The rules every request body obeys beyond its own annotations: a JSON array never holds
 * {@code null} ({@code "redirect_uris": [null]} is malformed input, not a value for the domain to
 * trip over), and no string holds a control character or half a surrogate pair (a name with a NUL
 * or a line break would be stored, shown and logged as is). Walks request records, their nested
 * records, lists and maps.
 */
public final class RequestRecords {

    private RequestRecords() {
    }

    /**
     * Returns quietly, or a 400 naming the field as the caller sent it. Only request records are
     * checked: a body read as text or a stream (a document, an optional body) is the resource's own.
     */
    public static void check(Object body) {
        if (body instanceof Record) {
            check(body, "");
        }
    }

    private static void check(Object value, String path) {
        if (value instanceof String text) {
            requirePlainText(text, path.isEmpty() ? "body" : path);
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                check(read(component, record), join(path, WireNames.of(component.getName())));
            }
        } else if (value instanceof Collection<?> elements) {
            int index = 0;
            for (Object element : elements) {
                if (element == null) {
                    String field = path.isEmpty() ? "body" : path;
                    throw new InvalidInputException(field, field + " must not contain null (element " + index + ")");
                }
                check(element, path + "[" + index + "]");
                index++;
            }
        } else if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, entry) -> check(entry, join(path, String.valueOf(key))));
        }
    }

    /** A 400 naming {@code field} when the text holds a control character or half a surrogate pair. */
    public static void requirePlainText(String text, String field) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || c == 0x7F;
            boolean halfPair = Character.isHighSurrogate(c)
                    ? i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(++i))
                    : Character.isLowSurrogate(c);
            if (control || halfPair) {
                throw new InvalidInputException(field, field + " must not contain control characters or unpaired"
                        + " surrogates");
            }
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component, e);
        }
    }
}
