-- Each team's chain head is sealed: an HMAC (under a key derived from the master key, whose id
-- is seal_key_id) over the team, the last position and hash, and the purge point. Someone who
-- can write to the database but lacks the master key can then no longer cut events off either
-- end of a chain and rewrite the head to match.
--
-- purged_hash is the hash of the last event removed by retention (the genesis value while
-- nothing was purged): the oldest kept event must link to it.
ALTER TABLE audit_chain_heads ADD COLUMN purged_hash VARCHAR(64) NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000';
ALTER TABLE audit_chain_heads ADD COLUMN seal VARCHAR(64);
ALTER TABLE audit_chain_heads ADD COLUMN seal_key_id VARCHAR(16);

-- Heads already purged take their purge point from the oldest kept event, or from the head
-- itself when retention removed every event. The application seals these heads at startup.
UPDATE audit_chain_heads SET purged_hash = last_hash
    WHERE purged_through > 0 AND purged_through = last_seq;
UPDATE audit_chain_heads SET purged_hash = COALESCE((SELECT e.prev_hash FROM audit_events e
        WHERE e.team_id = audit_chain_heads.team_id AND e.team_seq = audit_chain_heads.purged_through + 1),
        purged_hash)
    WHERE purged_through > 0 AND purged_through < last_seq;
