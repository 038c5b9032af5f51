package dev.latchkey.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Packs the Acme test provider ({@code dev.latchkey.testplugin}) and its service registration
 * into a plugin jar, exactly the shape of jar an admin drops into the plugins directory.
 */
final class TestPluginJar {

    static final String NAME = "latchkey-testplugin.jar";
    private static final String SERVICE = "META-INF/services/dev.latchkey.providers.ProviderFactory";

    private TestPluginJar() {
    }

    static void write(Path testClasses, Path jar) throws IOException {
        write(testClasses, "dev/latchkey/testplugin", Files.readAllBytes(testClasses.resolve(SERVICE)), jar);
    }

    /** A plugin written for provider SPI 2.0 ({@code dev.latchkey.futureplugin}), which Latchkey must refuse. */
    static void writeFuture(Path testClasses, Path jar) throws IOException {
        write(testClasses, "dev/latchkey/futureplugin",
                "dev.latchkey.futureplugin.FutureProviderFactory\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), jar);
    }

    private static void write(Path testClasses, String directory, byte[] service, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); var zip = new JarOutputStream(out);
             Stream<Path> classes = Files.walk(testClasses.resolve(directory))) {
            for (Path file : classes.filter(Files::isRegularFile).toList()) {
                add(zip, testClasses.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
            add(zip, SERVICE, service);
        }
    }

    private static void add(JarOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new JarEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
