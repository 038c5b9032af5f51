package dev.latchkey.it;

import static dev.latchkey.it.Api.assertError;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Data scopes, black box: schema, scope management, and field-level enforcement that follows
 * every edit and delete on the next request. Two scopes overlap on Customer.email throughout.
 */
class ScopesIT extends DeployedLatchkey {

    TestTeam team;
    String site;
    String pii;
    String billing;
    String unscoped;

    @BeforeEach
    void siteWithSchemaScopesAndData() {
        team = api.newTeam();
        site = team.createSite("crm");
        team.owner().body(Map.of("types", List.of(
                        Map.of("name", "Customer", "fields", List.of("name", "email", "plan")),
                        Map.of("name", "Order", "fields", List.of("total", "card")))))
                .put("/v1/sites/" + site + "/schema").then().statusCode(200)
                .body("types[0].name", equalTo("Customer"));
        pii = scope("pii", List.of("Customer.email"));
        billing = scope("billing", List.of("Customer.email", "Order.*"));
        unscoped = key(List.of());
        api.as(unscoped).body(Map.of("name", "Ada", "email", "ada@example.com", "plan", "pro"))
                .put(doc("Customer", "c1")).then().statusCode(201);
        api.as(unscoped).body(Map.of("total", 42, "card", "4242"))
                .put(doc("Order", "o1")).then().statusCode(201);
    }

    private String scope(String name, List<String> fields) {
        return team.owner().body(Map.of("name", name, "fields", fields)).post("/v1/sites/" + site + "/scopes")
                .then().statusCode(201).extract().path("id");
    }

    private String key(List<String> scopes) {
        return team.owner().body(Map.of("name", "k", "type", "secret", "environment", "test", "scopes", scopes))
                .post("/v1/sites/" + site + "/tokens").then().statusCode(201).extract().path("token");
    }

    private String doc(String type, String id) {
        return "/v1/sites/" + site + "/data/" + type + "/" + id;
    }

    private Response read(String key, String type, String id) {
        return api.as(key).get(doc(type, id));
    }

    @Test
    void restrictedFieldsAreHiddenFromKeysWithoutACoveringScope() {
        String other = scope("names", List.of("Customer.name"));
        String withOther = key(List.of(other));
        read(withOther, "Customer", "c1").then().statusCode(200)
                .body("data.name", equalTo("Ada"))
                .body("data.plan", equalTo("pro"))
                .body("data", not(hasKey("email")));
        read(withOther, "Order", "o1").then().body("data", equalTo(Map.of()));
        read(unscoped, "Customer", "c1").then().body("data.email", equalTo("ada@example.com"))
                .body("data.name", equalTo("Ada"));
        String withPii = key(List.of(pii));
        read(withPii, "Customer", "c1").then().body("data.email", equalTo("ada@example.com"))
                .body("data", not(hasKey("name")));
    }

    @Test
    void eitherOfTwoOverlappingScopesRevealsTheSharedField() {
        read(key(List.of(pii)), "Customer", "c1").then().body("data.email", equalTo("ada@example.com"));
        String withBilling = key(List.of(billing));
        read(withBilling, "Customer", "c1").then().body("data.email", equalTo("ada@example.com"));
        read(withBilling, "Order", "o1").then().body("data.card", equalTo("4242"));
        read(key(List.of(pii)), "Order", "o1").then().body("data", not(hasKey("card")));
    }

    @Test
    void askingForARestrictedFieldAnswers403NamingIt() {
        String withPii = key(List.of(pii));
        var refused = api.as(withPii).queryParam("fields", "total,card").get(doc("Order", "o1"));
        assertError(refused, 403, "insufficient_scope");
        refused.then().body("message", containsString("Order.total, Order.card"));
        api.as(withPii).queryParam("fields", "email").get(doc("Customer", "c1")).then().statusCode(200)
                .body("data", equalTo(Map.of("email", "ada@example.com")));
        api.as(withPii).queryParam("fields", "email").get("/v1/sites/" + site + "/data/Customer").then()
                .body("data[0].data", equalTo(Map.of("email", "ada@example.com")));
    }

    @Test
    void writingARestrictedFieldWithoutScopeIsRefusedAndWritesNothing() {
        String withPii = key(List.of(pii));
        var refused = api.as(withPii).body(Map.of("total", 1)).put(doc("Order", "o1"));
        assertError(refused, 403, "insufficient_scope");
        read(unscoped, "Order", "o1").then().body("data", equalTo(Map.of("total", 42, "card", "4242")));
        assertError(api.as(withPii).body(Map.of("card", "1111")).put(doc("Order", "o2")), 403, "insufficient_scope");
        assertError(read(unscoped, "Order", "o2"), 404, "not_found");
    }

    @Test
    void aScopedWriteKeepsTheFieldsItCannotSee() {
        scope("names", List.of("Customer.name"));
        String withPii = key(List.of(pii));
        api.as(withPii).body(Map.of("email", "ada@new.example", "plan", "team")).put(doc("Customer", "c1"))
                .then().statusCode(200);
        read(unscoped, "Customer", "c1").then().body("data.email", equalTo("ada@new.example"))
                .body("data.plan", equalTo("team"))
                .body("data.name", equalTo("Ada"));
    }

    @Test
    void editingAScopeChangesAccessOnTheNextRequest() {
        String withPii = key(List.of(pii));
        read(withPii, "Customer", "c1").then().body("data", hasKey("plan"));
        team.owner().body(Map.of("name", "pii", "fields", List.of("Customer.plan")))
                .put("/v1/sites/" + site + "/scopes/" + pii).then().statusCode(200)
                .body("fields", equalTo(List.of("Customer.plan")));
        // email stays restricted through billing, which this key does not hold; plan is now its own.
        read(withPii, "Customer", "c1").then().body("data.plan", equalTo("pro")).body("data", not(hasKey("email")));
        read(key(List.of(billing)), "Customer", "c1").then().body("data", not(hasKey("plan")))
                .body("data.email", equalTo("ada@example.com"));
        read(unscoped, "Customer", "c1").then().body("data.plan", equalTo("pro"));
        team.owner().queryParam("action", "scope.updated").get("/v1/audit-events").then()
                .body("data[0].details.added", equalTo(List.of("Customer.plan")))
                .body("data[0].details.removed", equalTo(List.of("Customer.email")));
    }

    @Test
    void deletingAScopeMakesItsFieldsPublicUnlessAnotherStillCoversThem() {
        String withPii = key(List.of(pii));
        read(withPii, "Order", "o1").then().body("data", not(hasKey("card")));
        team.owner().delete("/v1/sites/" + site + "/scopes/" + billing).then().statusCode(204);
        read(withPii, "Order", "o1").then().body("data.card", equalTo("4242"));
        // Customer.email is still covered by pii.
        read(key(List.of()), "Customer", "c1").then().body("data.email", equalTo("ada@example.com"));
        String names = scope("names", List.of("Customer.name"));
        read(key(List.of(names)), "Customer", "c1").then().body("data", not(hasKey("email")));
    }

    @Test
    void aKeyWhoseOnlyScopeIsDeletedKeepsOnlyUnscopedFields() {
        String onlyPii = key(List.of(pii));
        team.owner().delete("/v1/sites/" + site + "/scopes/" + pii).then().statusCode(204);
        // email is still restricted by billing; the key holds nothing now, and is not unrestricted.
        read(onlyPii, "Customer", "c1").then().body("data.name", equalTo("Ada"))
                .body("data", not(hasKey("email")));
        read(onlyPii, "Order", "o1").then().body("data", equalTo(Map.of()));
        team.owner().contentType(ContentType.URLENC).formParam("token", onlyPii).post("/v1/introspect").then()
                .body("scopes", hasSize(0));
    }

    @Test
    void onlyOwnersDeleteScopes() {
        String developer = team.memberToken("developer");
        assertError(api.as(developer).delete("/v1/sites/" + site + "/scopes/" + pii), 403, "forbidden");
        String admin = team.owner().body(Map.of("name", "admin", "type", "restricted", "environment", "test",
                "permissions", List.of("admin"))).post("/v1/sites/" + site + "/tokens").path("token");
        assertError(api.as(admin).delete("/v1/sites/" + site + "/scopes/" + pii), 403, "forbidden");
        api.as(developer).body(Map.of("name", "pii", "fields", List.of("Customer.email", "Customer.name")))
                .put("/v1/sites/" + site + "/scopes/" + pii).then().statusCode(200);
        team.owner().get("/v1/sites/" + site + "/scopes/" + pii).then().statusCode(200);
    }

    @Test
    void scopeEntriesMustExistInTheSchema() {
        var unknown = team.owner().body(Map.of("name", "bad", "fields", List.of("Customer.email", "Customer.ssn")))
                .post("/v1/sites/" + site + "/scopes");
        assertError(unknown, 400, "invalid_request");
        unknown.then().body("message", containsString("Customer.ssn"));
        assertError(team.owner().body(Map.of("name", "bad", "fields", List.of("Invoice.*")))
                .post("/v1/sites/" + site + "/scopes"), 400, "invalid_request");
        assertError(team.owner().body(Map.of("name", "bad", "fields", List.of("email")))
                .post("/v1/sites/" + site + "/scopes"), 400, "invalid_request");
        assertError(team.owner().body(Map.of("name", "bad", "fields", List.of()))
                .post("/v1/sites/" + site + "/scopes"), 400, "invalid_request");
        assertError(team.owner().body(Map.of("name", "pii", "fields", List.of("Order.total")))
                .post("/v1/sites/" + site + "/scopes"), 409, "conflict");
        team.owner().get("/v1/sites/" + site + "/scopes").then().body("data", hasSize(2));
    }

    @Test
    void wildcardCoversEveryFieldOfTheType() {
        String orders = scope("orders", List.of("Order.*"));
        String withOrders = key(List.of(orders));
        read(withOrders, "Order", "o1").then().body("data", equalTo(Map.of("total", 42, "card", "4242")));
        read(key(List.of(pii)), "Order", "o1").then().body("data", equalTo(Map.of()));
    }

    @Test
    void theSchemaGovernsDeclaredTypesAndProtectsScopedFields() {
        assertError(api.as(unscoped).body(Map.of("name", "x", "shoe_size", 44)).put(doc("Customer", "c2")),
                400, "invalid_request");
        api.as(unscoped).body(Map.of("anything", true)).put(doc("Note", "n1")).then().statusCode(201);
        var orphaning = team.owner().body(Map.of("types", List.of(Map.of("name", "Customer",
                "fields", List.of("name", "plan"))))).put("/v1/sites/" + site + "/schema");
        assertError(orphaning, 409, "conflict");
        team.owner().get("/v1/sites/" + site + "/schema").then().body("types", hasSize(2));
        assertError(team.owner().body(Map.of("types", List.of(Map.of("name", "9x", "fields", List.of()))))
                .put("/v1/sites/" + site + "/schema"), 400, "invalid_request");
        assertError(team.owner().body(Map.of("types", List.of(Map.of("name", "A", "fields", List.of("b", "b")))))
                .put("/v1/sites/" + site + "/schema"), 400, "invalid_request");
    }

    @Test
    void scopesAreListedFilteredAndShowWhoHoldsThem() {
        String holder = team.owner().body(Map.of("name", "holder", "type", "secret", "environment", "live",
                "scopes", List.of(pii, billing))).post("/v1/sites/" + site + "/tokens").then().statusCode(201)
                .body("scopes", hasSize(2)).extract().path("id");
        team.owner().get("/v1/sites/" + site + "/scopes/" + pii + "/tokens").then()
                .body("data", hasSize(1)).body("data[0].id", equalTo(holder)).body("data[0].name", equalTo("holder"));
        team.owner().queryParam("filter", "order").get("/v1/sites/" + site + "/scopes").then()
                .body("data", hasSize(1)).body("data[0].id", equalTo(billing));
        team.owner().queryParam("filter", "email").get("/v1/sites/" + site + "/scopes").then().body("data", hasSize(2));
        String rolled = team.owner().post("/v1/sites/" + site + "/tokens/" + holder + "/roll").then().statusCode(201)
                .extract().path("token");
        team.owner().contentType(ContentType.URLENC).formParam("token", rolled).post("/v1/introspect").then()
                .body("scopes", hasSize(2)).body("scope", containsString(pii));
    }

    @Test
    void tokensTakeOnlyScopesOfTheirOwnSite() {
        String elsewhere = team.createSite("elsewhere");
        team.owner().body(Map.of("types", List.of(Map.of("name", "T", "fields", List.of("f")))))
                .put("/v1/sites/" + elsewhere + "/schema").then().statusCode(200);
        String foreign = team.owner().body(Map.of("name", "foreign", "fields", List.of("T.f")))
                .post("/v1/sites/" + elsewhere + "/scopes").then().statusCode(201).extract().path("id");
        assertError(team.owner().body(Map.of("name", "k", "type", "secret", "environment", "test",
                "scopes", List.of(foreign))).post("/v1/sites/" + site + "/tokens"), 400, "invalid_request");
        assertError(team.owner().get("/v1/sites/" + site + "/scopes/" + foreign), 404, "not_found");
        team.owner().queryParam("action", "scope.").get("/v1/audit-events").then()
                .body("data.action", hasItem("scope.created"));
        team.owner().queryParam("action", "schema.changed").get("/v1/audit-events").then()
                .body("data", hasSize(2));
    }
}
