package dev.latchkey.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays a browser at {@code /oauth/authorize} for tests: keeps the cookies Latchkey sets (the
 * pre-session form cookie, the session cookie) and sends them back, follows no redirect, and
 * can claim another client address (the tests are a trusted proxy on loopback).
 */
final class Browser {

    static final Pattern REQUEST_FIELD = Pattern.compile("name=\"request\" value=\"([^\"]+)\"");

    private final Api api;
    final Map<String, String> cookies = new HashMap<>();
    private String address;

    Browser(Api api) {
        this.api = api;
    }

    /** Requests from now on come from this client address (X-Forwarded-For). */
    Browser from(String clientAddress) {
        this.address = clientAddress;
        return this;
    }

    Response authorize(Map<String, String> parameters) {
        return keep(request().queryParams(parameters).get("/oauth/authorize"));
    }

    /** Posts the form of {@code page} with these fields (the request field is taken from the page). */
    Response post(Response page, Map<String, String> fields) {
        return post(page, fields, Map.of());
    }

    /** Posts the form of {@code page} with extra request headers (an {@code Origin}, a {@code Referer}). */
    Response post(Response page, Map<String, String> fields, Map<String, String> headers) {
        RequestSpecification form = request().contentType(ContentType.URLENC).formParam("request", field(page))
                .headers(headers);
        fields.forEach(form::formParam);
        return keep(form.post("/oauth/authorize"));
    }

    static String field(Response page) {
        Matcher field = REQUEST_FIELD.matcher(page.asString());
        assertTrue(field.find(), "the page carries the request: " + page.asString());
        return field.group(1).replace("&amp;", "&");
    }

    /** The value of the cookie whose name ends with this base name ({@code session}, {@code form}). */
    String cookie(String base) {
        return cookies.entrySet().stream().filter(e -> e.getKey().endsWith("latchkey_" + base))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    RequestSpecification request() {
        RequestSpecification request = api.anonymous().redirects().follow(false).cookies(cookies);
        return address == null ? request : request.header("X-Forwarded-For", address);
    }

    Response keep(Response response) {
        response.getDetailedCookies().forEach(c -> {
            if (c.getMaxAge() == 0) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        });
        return response;
    }
}
