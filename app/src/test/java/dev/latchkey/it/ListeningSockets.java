package dev.latchkey.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The TCP ports one process listens on, read from Linux's {@code /proc}: the sockets of
 * {@code /proc/<pid>/net/tcp} and {@code tcp6} in state LISTEN ({@code 0A}) whose inode is one
 * of the process's open file descriptors. Any port, on any interface, counts.
 */
final class ListeningSockets {

    private static final Pattern SOCKET = Pattern.compile("socket:\\[(\\d+)]");
    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    static Set<Integer> tcpPortsOf(long pid) throws IOException {
        Set<String> inodes = socketInodes(pid);
        Set<Integer> ports = new TreeSet<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = Path.of("/proc", String.valueOf(pid), "net", table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode …
                String[] fields = line.trim().split("\\s+");
                if (LISTEN.equals(fields[3]) && inodes.contains(fields[9])) {
                    String local = fields[1];
                    ports.add(Integer.parseInt(local.substring(local.indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }

    private static Set<String> socketInodes(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path descriptor : descriptors.toList()) {
                try {
                    Matcher socket = SOCKET.matcher(Files.readSymbolicLink(descriptor).toString());
                    if (socket.matches()) {
                        inodes.add(socket.group(1));
                    }
                } catch (IOException closedMeanwhile) {
                    // The descriptor was closed while listing: not a listening socket anyway.
                }
            }
        }
        return inodes;
    }
}
