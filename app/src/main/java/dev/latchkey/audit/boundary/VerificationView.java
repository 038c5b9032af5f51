package dev.latchkey.audit.boundary;

import dev.latchkey.audit.control.AuditTrail;

/**
 * {@code GET /v1/audit-events/verify}: {@code {ok, checked, first_mismatch, checkpoint}}. The
 * checkpoint ({@code <position>:<hash>} of the chain's head, only when ok) is for keeping
 * outside the database and passing back later as {@code ?checkpoint=}.
 */
public record VerificationView(boolean ok, long checked, Mismatch firstMismatch, String checkpoint) {

    public record Mismatch(String id, long chainPosition, String reason) {
    }

    public static VerificationView of(AuditTrail.Verification verification) {
        var mismatch = verification.firstMismatch();
        return new VerificationView(verification.ok(), verification.checked(),
                mismatch == null ? null : new Mismatch(mismatch.id(), mismatch.teamSeq(), mismatch.reason()),
                verification.checkpoint() == null ? null : verification.checkpoint().toString());
    }
}
