package dev.latchkey.data.control;

import dev.latchkey.http.control.JsonP;
import dev.latchkey.scopes.control.FieldPolicy;
import dev.latchkey.scopes.control.ScopeEntry;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Field-level scope enforcement on a document of 50 fields: 10 are covered by the site's
 * scopes, and the caller holds a scope covering 5 of those, so 45 are visible.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScopeFilteringBenchmark {

    private JsonObject document;
    private Projection everythingVisible;
    private Projection askedForThree;
    private FieldPolicy policy;

    @Setup
    public void setUp() {
        JsonObjectBuilder fields = JsonP.createObjectBuilder();
        for (int i = 0; i < 50; i++) {
            fields.add("field" + i, "value of field " + i);
        }
        document = fields.build();
        List<ScopeEntry> siteEntries = new ArrayList<>();
        List<ScopeEntry> held = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            siteEntries.add(new ScopeEntry("Customer", "field" + i));
            if (i < 5) {
                held.add(new ScopeEntry("Customer", "field" + i));
            }
        }
        policy = FieldPolicy.of(siteEntries, held);
        everythingVisible = Projection.of("Customer", policy, null);
        askedForThree = Projection.of("Customer", policy, "field0,field20,field49");
        JsonObject seen = everythingVisible.apply(document);
        if (seen.size() != 45 || seen.containsKey("field7") || !seen.containsKey("field3")) {
            throw new IllegalStateException("the projection does not hide what it must: " + seen.keySet());
        }
    }

    @Benchmark
    public JsonObject project50Fields() {
        return everythingVisible.apply(document);
    }

    @Benchmark
    public JsonObject project50FieldsAskingForThree() {
        return askedForThree.apply(document);
    }

    /** Building the projection per request, with its ?fields= check, and applying it. */
    @Benchmark
    public JsonObject projectWithFieldsParameter() {
        return Projection.of("Customer", policy, "field0,field20,field49").apply(document);
    }
}
