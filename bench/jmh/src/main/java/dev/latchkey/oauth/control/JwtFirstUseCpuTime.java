package dev.latchkey.oauth.control;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The JWT benchmarks of {@link JwtVerificationBenchmark} on a busy machine: their operations
 * interleaved round by round, each round timed in this thread's CPU time (what the operation
 * costs, not how long the scheduler kept it waiting), the median round reported, with every
 * figure's ratio to the raw native verification. Run with
 * {@code java -cp bench/jmh/target/benchmarks.jar dev.latchkey.oauth.control.JwtFirstUseCpuTime}.
 */
public final class JwtFirstUseCpuTime {

    private static final int ROUNDS = 60;

    public static void main(String[] args) throws Exception {
        JwtVerificationBenchmark bench = new JwtVerificationBenchmark();
        bench.setUp();
        Map<String, Callable<Object>> operations = new LinkedHashMap<>();
        operations.put("es256VerifyNative", bench::es256VerifyNative);
        operations.put("accessTokenFirstUse", bench::accessTokenFirstUse);
        operations.put("accessTokenCacheHit", bench::accessTokenCacheHit);
        operations.put("smallRyeJwtVerify", bench::smallRyeJwtVerify);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, double[]> micros = new LinkedHashMap<>();
        operations.keySet().forEach(name -> micros.put(name, new double[ROUNDS]));
        for (int round = -20; round < ROUNDS; round++) { // 20 rounds of warm-up
            for (var operation : operations.entrySet()) {
                int calls = operation.getKey().equals("smallRyeJwtVerify") ? 20
                        : operation.getKey().equals("accessTokenCacheHit") ? 20_000 : 400;
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    if (operation.getValue().call() == null) {
                        throw new IllegalStateException(operation.getKey() + " gave nothing");
                    }
                }
                if (round >= 0) {
                    micros.get(operation.getKey())[round] = (threads.getCurrentThreadCpuTime() - start) / 1000.0 / calls;
                }
            }
        }
        double reference = median(micros.get("es256VerifyNative"));
        System.out.printf("%-22s %12s %10s%n", "operation", "CPU µs/op", "x verify");
        micros.forEach((name, values) -> System.out.printf("%-22s %12.2f %10.2f%n", name, median(values),
                median(values) / reference));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
