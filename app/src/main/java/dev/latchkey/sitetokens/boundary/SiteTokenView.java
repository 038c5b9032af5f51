package dev.latchkey.sitetokens.boundary;

import java.time.Instant;

/** The new site token: shown in this response only. */
public record SiteTokenView(String id, String token, String last4, Instant createdAt) {
}
