package dev.latchkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.credentials.entity.Caller;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The JDK's {@code jdeps} on the app module's compiled classes: no cycle between packages,
 * none between features ({@code dev.latchkey.<feature>}, all its layers together). The same
 * property as {@link LayeringTest}'s slice rules, checked by a second, independent reader of
 * the class files.
 */
class JdepsCyclesTest {

    private static final Pattern EDGE = Pattern.compile("^\\s+(dev\\.latchkey\\.\\S+)\\s+->\\s+(dev\\.latchkey\\.\\S+)");

    @Test
    void noCycleBetweenPackages() throws Exception {
        Map<String, Set<String>> packages = packageDependencies();
        assertTrue(packages.size() > 40, "packages read from jdeps: " + packages.keySet());
        assertEquals(List.of(), cycles(packages), "package cycles (strongly connected packages)");
    }

    @Test
    void noCycleBetweenFeatures() throws Exception {
        Map<String, Set<String>> features = collapse(packageDependencies(), JdepsCyclesTest::feature);
        assertTrue(features.size() > 20, "features: " + features.keySet());
        assertEquals(List.of(), cycles(features), "feature cycles (strongly connected features)");
    }

    @Test
    void findsACycleWhenThereIsOne() {
        // The finder itself, on a jdeps answer with a cycle a -> b -> c -> a beside an acyclic d.
        String output = """
                classes -> java.base
                   dev.latchkey.a.control          -> dev.latchkey.b.entity          classes
                   dev.latchkey.b.entity           -> dev.latchkey.c.control         classes
                   dev.latchkey.c.control          -> dev.latchkey.a.control         classes
                   dev.latchkey.d.boundary         -> dev.latchkey.a.control         classes
                   dev.latchkey.d.boundary         -> java.lang                      java.base
                """;
        Map<String, Set<String>> graph = parse(output);
        assertEquals(List.of(List.of("dev.latchkey.a.control", "dev.latchkey.b.entity", "dev.latchkey.c.control")),
                cycles(graph));
        assertEquals(List.of(List.of("a", "b", "c")), cycles(collapse(graph, JdepsCyclesTest::feature)));
    }

    private static Map<String, Set<String>> packageDependencies() throws Exception {
        Path appClasses = Path.of(Caller.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", "-filter:none",
                "-e", "dev\\.latchkey\\..*", appClasses.toString());
        assertEquals(0, status, "jdeps failed: " + err);
        return parse(out.toString());
    }

    static Map<String, Set<String>> parse(String jdepsOutput) {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : jdepsOutput.split("\n")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.find() && !edge.group(1).equals(edge.group(2))) {
                graph.computeIfAbsent(edge.group(1), p -> new TreeSet<>()).add(edge.group(2));
                graph.computeIfAbsent(edge.group(2), p -> new TreeSet<>());
            }
        }
        return graph;
    }

    private static String feature(String pkg) {
        String[] parts = pkg.split("\\.");
        return parts.length > 2 ? parts[2] : pkg;
    }

    static Map<String, Set<String>> collapse(Map<String, Set<String>> graph, UnaryOperator<String> group) {
        Map<String, Set<String>> collapsed = new TreeMap<>();
        graph.forEach((from, tos) -> {
            Set<String> targets = collapsed.computeIfAbsent(group.apply(from), g -> new TreeSet<>());
            tos.stream().map(group).filter(to -> !to.equals(group.apply(from))).forEach(targets::add);
        });
        return collapsed;
    }

    /** The strongly connected components of more than one node (Tarjan), each sorted. */
    static List<List<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> components = new ArrayList<>();
        for (String node : graph.keySet()) {
            if (!index.containsKey(node)) {
                connect(node, graph, index, low, stack, onStack, components);
            }
        }
        return components;
    }

    private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                List<List<String>> components) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, onStack, components);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                components.add(List.copyOf(component));
            }
        }
    }
}
