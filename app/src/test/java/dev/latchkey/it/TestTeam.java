package dev.latchkey.it;

import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** A team made for one test: its id, its owner and the owner's token. */
public record TestTeam(Api api, String id, String ownerId, String ownerToken) {

    public RequestSpecification owner() {
        return api.as(ownerToken);
    }

    public String createSite(String name) {
        return owner().body(Map.of("name", name)).post("/v1/sites").then().statusCode(201).extract().path("id");
    }

    /** Adds a member and issues it a token, as an owner onboarding a colleague would. */
    public String memberToken(String role) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String memberId = owner().body(Map.of("email", role + "-" + unique + "@example.com", "name", role + " " + unique,
                        "role", role))
                .post("/v1/members").then().statusCode(201).extract().path("id");
        return owner().body(Map.of("name", "first", "expires_in_days", 7))
                .post("/v1/members/" + memberId + "/personal-tokens").then().statusCode(201).extract().path("token");
    }
}
