package dev.latchkey.http.control;

import dev.latchkey.network.control.ClientAddresses;
import dev.latchkey.network.entity.Cidr;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** HTTP settings: {@code latchkey.http.trusted-proxies}, a comma-separated list of CIDR blocks. */
@ApplicationScoped
public class HttpSettings {

    @Inject
    @ConfigProperty(name = "latchkey.http.trusted-proxies")
    Optional<String> trustedProxies;

    @Produces
    @Singleton
    ClientAddresses clientAddresses() {
        List<Cidr> proxies = trustedProxies.stream()
                .flatMap(list -> Arrays.stream(list.split(",")))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Cidr::parse)
                .toList();
        return new ClientAddresses(proxies);
    }
}
