package dev.latchkey.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** A client of a running Latchkey, speaking plain HTTP as any other client would. */
public final class Api {

    static {
        // A failing assertion shows the request and the response that broke it.
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private final URI base;

    private Api(URI base) {
        this.base = base;
    }

    /** The deployment's URL, over loopback whatever host name the container announced. */
    public static Api at(URL base) {
        try {
            URI announced = base.toURI();
            return new Api(new URI(announced.getScheme(), null, "127.0.0.1", announced.getPort(),
                    announced.getPath(), null, null));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static Api at(String base) {
        return new Api(URI.create(base));
    }

    /** The base URL this client talks to. */
    static String baseOf(Api api) {
        return api.base.toString().replaceAll("/+$", "");
    }

    public RequestSpecification anonymous() {
        return given().baseUri(base.toString()).contentType(ContentType.JSON);
    }

    public RequestSpecification as(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    /** The instance admin's token, as the first start wrote it for automation to read. */
    public static String bootstrapToken() {
        Path file = Path.of(System.getProperty("latchkey.it.data-dir"), "bootstrap-token");
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new team of its own for one test, so no test sees another's data. */
    public TestTeam newTeam() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Response created = as(bootstrapToken())
                .body(Map.of("name", "Team " + unique, "owner_email", "owner-" + unique + "@example.com",
                        "owner_name", "Owner " + unique))
                .post("/v1/teams");
        created.then().statusCode(201);
        return new TestTeam(this, created.path("id"), created.path("owner.id"), created.path("token"));
    }

    /** Asserts the one error shape, with the request id matching the header. */
    public static void assertError(Response response, int status, String error) {
        response.then().statusCode(status)
                .contentType(ContentType.JSON)
                .body("error", equalTo(error))
                .body("message", matchesPattern(".+"))
                .body("request_id", equalTo(response.header("X-Request-Id")))
                .body("request_id", matchesPattern("req_[A-Za-z0-9]{16}"));
    }
}
