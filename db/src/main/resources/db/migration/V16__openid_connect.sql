-- OpenID Connect: an authorization code keeps the request's nonce and when the member signed
-- in, for the ID token issued when it is exchanged.
ALTER TABLE oauth_codes ADD COLUMN nonce VARCHAR(255);
ALTER TABLE oauth_codes ADD COLUMN auth_time BIGINT;
