-- Direct API calls per key, UTC day and route (the method and the route's template, such as
-- `GET /v1/sites/{site}/data/{type}/{id}`, never the raw path): which of Latchkey's own endpoints a
-- key calls. Written with the other day counts, in batches.
CREATE TABLE credential_route_usage (
    credential_id ${id}       NOT NULL,
    usage_day     VARCHAR(10) ${ascii} NOT NULL,
    route         VARCHAR(200) ${ascii} NOT NULL,
    requests      BIGINT      NOT NULL,
    CONSTRAINT pk_credential_route_usage PRIMARY KEY (credential_id, usage_day, route),
    CONSTRAINT fk_credential_route_usage_credential FOREIGN KEY (credential_id) REFERENCES credentials (id)
        ON DELETE CASCADE
);
