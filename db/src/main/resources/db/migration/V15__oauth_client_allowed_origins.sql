-- CORS for browser clients: the web origins a client's pages call the token and revocation
-- endpoints from, one per line. NULL: derived from the client's https/loopback redirect URIs.
ALTER TABLE oauth_clients ADD COLUMN allowed_origins TEXT;
