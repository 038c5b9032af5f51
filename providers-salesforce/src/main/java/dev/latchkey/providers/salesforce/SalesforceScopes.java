package dev.latchkey.providers.salesforce;

import dev.latchkey.providers.ScopeInfo;
import java.util.List;

/**
 * Salesforce's OAuth scopes, as listed by login.salesforce.com and the connected-app docs. A
 * request can only get scopes the connected (or external client) app has selected.
 */
final class SalesforceScopes {

    static final String API = "api";
    static final String REFRESH_TOKEN = "refresh_token";

    static final List<ScopeInfo> CATALOG = List.of(
            new ScopeInfo(API, "Work with the user's org data through the REST, SOAP and Bulk APIs (includes Connect REST)."),
            new ScopeInfo(REFRESH_TOKEN, "Receive a refresh token so Latchkey can keep acting after the session ends."),
            new ScopeInfo("offline_access", "Same as refresh_token: keep acting for the user while they are away."),
            new ScopeInfo("full", "Everything the user can reach; note it does not on its own yield a refresh token."),
            new ScopeInfo("id", "Read the user's identity record (the identity URL service)."),
            new ScopeInfo("profile", "Read the user's basic profile from the identity service."),
            new ScopeInfo("email", "Read the user's email address from the identity service."),
            new ScopeInfo("address", "Read the user's postal address from the identity service."),
            new ScopeInfo("phone", "Read the user's phone numbers from the identity service."),
            new ScopeInfo("openid", "Identify the user with OpenID Connect; an ID token comes with the access token."),
            new ScopeInfo("web", "Use the session in a web browser, Visualforce pages included."),
            new ScopeInfo("visualforce", "Open Visualforce pages and apps as the user."),
            new ScopeInfo("lightning", "Open Lightning apps as the user."),
            new ScopeInfo("content", "Fetch content resources such as files and images as the user."),
            new ScopeInfo("chatter_api", "Call the Connect REST API (formerly Chatter REST) as the user."),
            new ScopeInfo("custom_permissions", "See which of the app's custom permissions the user holds."),
            new ScopeInfo("wave_api", "Call the CRM Analytics REST API."),
            new ScopeInfo("eclair_api", "Read CRM Analytics chart geodata resources."),
            new ScopeInfo("pardot_api", "Call Marketing Cloud Account Engagement (Pardot) APIs as the user."),
            new ScopeInfo("chatbot_api", "Call the Einstein Bots APIs."),
            new ScopeInfo("user_registration_api", "Call the headless user registration API."),
            new ScopeInfo("forgot_password", "Call the headless forgot-password API."),
            new ScopeInfo("pwdless_login_api", "Call the headless passwordless login API."),
            new ScopeInfo("sfap_api", "Call APIs served through the Salesforce API Platform (api.salesforce.com)."),
            new ScopeInfo("interaction_api", "Call the Interaction API."),
            new ScopeInfo("cdp_api", "Call every Data Cloud API."),
            new ScopeInfo("cdp_query_api", "Run SQL queries against Data Cloud data."),
            new ScopeInfo("cdp_profile_api", "Read and change Data Cloud profile records."),
            new ScopeInfo("cdp_ingest_api", "Load records into Data Cloud through its Ingestion API."),
            new ScopeInfo("cdp_segment_api", "Work with Data Cloud segments."),
            new ScopeInfo("cdp_identityresolution_api", "Work with Data Cloud identity resolution."),
            new ScopeInfo("cdp_calculated_insight_api", "Work with Data Cloud calculated insights."),
            new ScopeInfo("einstein_gpt_api", "Call Salesforce's Einstein generative AI APIs."),
            new ScopeInfo("scrt_api", "Offered by Salesforce without public documentation; request it only when an integration names it."),
            new ScopeInfo("mcp_api", "Use Salesforce-hosted MCP servers as the user."));

    /** Without refresh_token (or offline_access) Salesforce issues no refresh token at all. */
    static final List<String> DEFAULTS = List.of(API, REFRESH_TOKEN);

    private SalesforceScopes() {
    }
}
