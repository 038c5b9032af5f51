package dev.latchkey.teams.control;

/** Owner recovery named nobody it may recover: an unknown address, a member who is not an owner, or an ambiguous one. */
public class OwnerRecoveryRefusedException extends RuntimeException {

    public OwnerRecoveryRefusedException(String reason) {
        super("owner recovery (LATCHKEY_RECOVER_OWNER) refused: " + reason);
    }
}
