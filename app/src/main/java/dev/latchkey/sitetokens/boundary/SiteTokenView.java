package dev.latchkey.sitetokens.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The new site token: shown in this response only. */
@Schema(example = "{\"id\": \"tok_7Rt6Ye5Wq4Lk3Jh2\", \"token\": \"st_…m2Qp (the whole secret, shown once)\", \"last4\": \"m2Qp\", \"created_at\": \"2026-01-15T09:30:00Z\"}")
public record SiteTokenView(String id, String token, String last4, Instant createdAt) {
}
