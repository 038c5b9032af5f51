package dev.latchkey.providers.profiles;

import dev.latchkey.providers.OAuthProviderFactory;

/**
 * The provider a profile file describes: the SPI's standard {@link OAuthProviderFactory} (and
 * so the standard {@link dev.latchkey.providers.OAuthProvider}, with every endpoint overridable
 * in the configuration) over the profile read from the file.
 */
public class ProfileProviderFactory extends OAuthProviderFactory {

    private final ProfileFile file;

    public ProfileProviderFactory(ProfileFile file) {
        super(file.profile());
        this.file = file;
    }

    /** The file this provider was read from, with its sources and notes. */
    public ProfileFile file() {
        return file;
    }

    /** A profile is data read by this module, which is built against this SPI. */
    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public String toString() {
        return "ProfileProviderFactory[" + id() + " from " + file.origin() + "]";
    }
}
