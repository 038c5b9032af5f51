package dev.latchkey.usage.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where access-log lines go: {@code latchkey.access-log} ({@code LATCHKEY_ACCESS_LOG}) is
 * {@code stdout} (the default: one JSON object per line on the process's standard output, for
 * a log shipper), {@code file:<path>} (appended), or {@code off}.
 */
@ApplicationScoped
public class AccessLog {

    private static final Logger LOG = Logger.getLogger(AccessLog.class.getName());

    @Inject
    @ConfigProperty(name = "latchkey.access-log", defaultValue = "stdout")
    String target;

    private Writer out;

    @PostConstruct
    void open() {
        try {
            if ("off".equals(target)) {
                out = null;
            } else if (target.startsWith("file:")) {
                Path file = Path.of(target.substring("file:".length()));
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } else {
                // The process's real standard output, not the container's redirected System.out.
                out = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                        StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot open the access log " + target + "; access logging is off", e);
            out = null;
        }
    }

    public boolean enabled() {
        return out != null;
    }

    public void write(String jsonLine) {
        if (out == null) {
            return;
        }
        synchronized (this) {
            try {
                out.write(jsonLine);
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                LOG.log(Level.FINE, "access log write failed", e);
            }
        }
    }

    @PreDestroy
    void close() {
        if (out != null && !target.equals("stdout")) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing the access log", e);
            }
        }
    }
}
