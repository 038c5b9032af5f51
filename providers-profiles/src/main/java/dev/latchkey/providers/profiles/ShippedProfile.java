package dev.latchkey.providers.profiles;

/**
 * A profile shipped with Latchkey ({@link BundledProfiles}); one subclass per profile, in
 * {@code dev.latchkey.providers.profiles.shipped}, gives {@link java.util.ServiceLoader} the
 * no-argument constructor it needs.
 */
public abstract class ShippedProfile extends ProfileProviderFactory {

    protected ShippedProfile(String id) {
        super(BundledProfiles.read(id));
    }
}
