package dev.latchkey.http.control;

import dev.latchkey.problems.control.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What every JSON request body must be before it is bound: UTF-8 (RFC 8259 §8.1) and nested at
 * most {@value #MAX_DEPTH} levels. Binders recurse per level, so a body nested thousands deep
 * would overflow the stack; this is one flat scan of the bytes (brackets inside strings do not
 * count). Whether the JSON is otherwise well formed is for the binder to say.
 */
public final class JsonBodies {

    public static final int MAX_DEPTH = 64;

    private JsonBodies() {
    }

    /** Returns quietly for an acceptable body (an empty one included), or a 400 saying what is wrong. */
    public static void check(byte[] body) {
        requireUtf8(body);
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '[' || b == '{') {
                if (++depth > MAX_DEPTH) {
                    throw new InvalidInputException("The request body is nested deeper than " + MAX_DEPTH + " levels");
                }
            } else if (b == ']' || b == '}') {
                depth--;
            }
        }
    }

    private static void requireUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("The request body is not valid UTF-8");
        }
    }
}
