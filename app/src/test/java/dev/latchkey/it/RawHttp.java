package dev.latchkey.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Requests written byte for byte, for what an HTTP client library refuses to send (control or
 * non-ASCII bytes in a header, a malformed Content-Type, raw escapes in the path).
 */
final class RawHttp {

    /** The answer: status code, headers as one block of text, body. */
    record Answer(int status, String headers, String body) {

        boolean isJson() {
            return headers.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/json");
        }
    }

    private RawHttp() {
    }

    static Answer send(Api api, byte[] request) {
        java.net.URI base = java.net.URI.create(Api.baseOf(api));
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            byte[] all = readAll(socket.getInputStream());
            String text = new String(all, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = dechunked(body);
            }
            int status = head.isEmpty() ? -1 : Integer.parseInt(head.split(" ")[1]);
            return new Answer(status, head, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request line and headers (each ending CRLF added here), then an optional body. */
    static byte[] request(String requestLine, byte[][] headers, byte[] body) {
        var out = new ByteArrayOutputStream();
        out.writeBytes((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n").getBytes(StandardCharsets.ISO_8859_1));
        for (byte[] header : headers) {
            out.writeBytes(header);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        if (body != null) {
            out.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A chunked body's chunks joined (sizes in hex, each chunk and size line ending CRLF). */
    private static String dechunked(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            for (int n; (n = in.read(chunk)) > 0; ) {
                out.write(chunk, 0, n);
            }
        } catch (java.net.SocketException closed) {
            // The server may reset after answering a request it refused; what arrived is the answer.
        }
        return out.toByteArray();
    }
}
