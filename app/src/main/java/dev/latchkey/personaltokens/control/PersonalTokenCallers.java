package dev.latchkey.personaltokens.control;

import dev.latchkey.credentials.control.CallerFactory;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.Credential;
import dev.latchkey.credentials.entity.CredentialKind;
import dev.latchkey.members.control.MemberCallers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * A personal access token acts for its member: with the permissions it was given, never
 * more than the member's current role allows, and not at all once the member is removed.
 */
@ApplicationScoped
public class PersonalTokenCallers implements CallerFactory {

    @Inject
    MemberCallers members;

    @Override
    public CredentialKind kind() {
        return CredentialKind.PERSONAL_TOKEN;
    }

    @Override
    public Optional<Caller> callerFor(Credential credential) {
        return members.callerFor(CredentialKind.PERSONAL_TOKEN, credential.id(), credential.name(),
                credential.memberId(), credential.permissions(), credential.expiresAt());
    }
}
