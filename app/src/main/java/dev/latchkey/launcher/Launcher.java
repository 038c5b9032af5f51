package dev.latchkey.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code java -jar latchkey.jar}: the jar's {@code Main-Class}, in front of Payara Micro's.
 * Payara logs some 500 INFO lines while it boots; unless {@code LATCHKEY_LOG_STARTUP=verbose},
 * Payara's loggers start at WARNING and only Latchkey's own INFO lines (its banner) show. The
 * {@code --port} the jar was started with becomes {@code latchkey.listener.port}, from which the
 * public URL is derived when {@code LATCHKEY_PUBLIC_URL} is unset.
 */
public final class Launcher {

    /** The system property holding the HTTP port Payara Micro was told to listen on. */
    public static final String PORT_PROPERTY = "latchkey.listener.port";
    static final String VERBOSE = "verbose";
    private static final String QUIET_LOGGING = "quiet-logging.properties";

    private Launcher() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        List<String> arguments = List.of(args);
        port(arguments, System.getProperty("payaramicro.port"))
                .ifPresent(port -> System.setProperty(PORT_PROPERTY, port));
        List<String> payaraArguments = withLogging(arguments, System.getenv("LATCHKEY_LOG_STARTUP"),
                Launcher::quietLoggingFile);
        Class.forName("fish.payara.micro.PayaraMicro").getMethod("main", String[].class)
                .invoke(null, (Object) payaraArguments.toArray(String[]::new));
    }

    /** The arguments for Payara Micro: quiet logging added unless verbose or the operator chose a logging setup. */
    static List<String> withLogging(List<String> arguments, String logStartup, Supplier<Path> quietLogging) {
        boolean verbose = logStartup != null && VERBOSE.equals(logStartup.strip().toLowerCase(Locale.ROOT));
        boolean chosen = arguments.stream().anyMatch(argument -> argument.equalsIgnoreCase("--logProperties")
                || argument.equalsIgnoreCase("--logToFile"));
        if (verbose || chosen) {
            return arguments;
        }
        List<String> quiet = new ArrayList<>(arguments);
        quiet.add("--logProperties");
        quiet.add(quietLogging.get().toString());
        return quiet;
    }

    /** The {@code --port} argument (Payara Micro's spelling), else {@code payaramicro.port}; empty for the default. */
    static Optional<String> port(List<String> arguments, String payaraMicroPort) {
        for (int i = 0; i < arguments.size() - 1; i++) {
            if (arguments.get(i).equalsIgnoreCase("--port") && arguments.get(i + 1).matches("\\d{1,5}")) {
                return Optional.of(arguments.get(i + 1));
            }
        }
        return Optional.ofNullable(payaraMicroPort).filter(port -> port.matches("\\d{1,5}"));
    }

    /** Payara Micro reads its logging setup from a file: the quiet one is copied out of the jar. */
    private static Path quietLoggingFile() {
        try (InputStream quiet = Launcher.class.getResourceAsStream(QUIET_LOGGING)) {
            if (quiet == null) {
                throw new IllegalStateException(QUIET_LOGGING + " is missing from the jar");
            }
            Path file = Files.createTempFile("latchkey-logging-", ".properties");
            file.toFile().deleteOnExit();
            Files.copy(quiet, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
