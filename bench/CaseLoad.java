import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Online case submissions under load, against a trivial authenticated endpoint in the same run.
 *
 * <p>Two phases, each with N worker threads for a bounded time after a 5-second warm-up that is not counted:
 * baseline {@code GET /api/v1/ping}, then submissions {@code POST /api/v1/cases} (a certificate request, a fresh
 * {@code Idempotency-Key} per request). Both send the same bearer token (obtained once with a password, as the
 * mobile app does; --basic sends HTTP Basic instead, paying a bcrypt check per request), so the ratio of the two
 * isolates what a submission itself costs.
 *
 * <p>Usage: {@code java bench/CaseLoad.java --base http://localhost:18181 [--seconds 30] [--threads 8]
 * [--user citizen.fz] [--password Shebao@2020]}. JDK only. Exit status 1 when a first, untimed ping fails (platform
 * unreachable, login refused) or a phase had no successful request.
 *
 * <p>Counted per phase: requests started inside the measured window; requests is the successful ones (status 200 or
 * 201), failures the rest (other status or an I/O error; the first one of the phase, warm-up included, is shown with
 * its status and body). Requests per second is successes over the window (until the last worker returned);
 * percentiles are exact, nearest rank over the sorted latencies of the successful requests.
 *
 * <p>This file is kept ASCII so the source launcher reads it under any platform encoding.
 */
public class CaseLoad {

    static final Duration WARM_UP = Duration.ofSeconds(5);

    /** The submission body; the purpose is the Chinese for load test, written as escapes to keep the file ASCII. */
    static final String CASE_BODY = "{\"type\":\"CERTIFICATE_REQUEST\",\"form\":{\"certificate\":\"CONTRIBUTION_RECORD\","
            + "\"purpose\":\"\u538b\u529b\u6d4b\u8bd5\"}}";

    record Options(URI base, int seconds, int threads, String user, String password, boolean basic) {
        static Options parse(String[] args) {
            String base = null;
            int seconds = 30;
            int threads = 8;
            String user = "citizen.fz";
            String password = "Shebao@2020";
            boolean basic = false;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("-h") || name.equals("--help")) {
                    usage(null);
                }
                if (name.equals("--basic")) {
                    basic = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    usage("missing value for " + name);
                }
                String value = args[++i];
                switch (name) {
                    case "--base" -> base = value.replaceAll("/+$", "");
                    case "--seconds" -> seconds = positive(name, value);
                    case "--threads" -> threads = positive(name, value);
                    case "--user" -> user = value;
                    case "--password" -> password = value;
                    default -> usage("unknown option " + name);
                }
            }
            if (base == null) {
                usage("--base is required");
            }
            return new Options(URI.create(base), seconds, threads, user, password, basic);
        }

        static int positive(String name, String value) {
            try {
                int n = Integer.parseInt(value);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // falls through to the usage message
            }
            usage(name + " wants a positive whole number, not " + value);
            return 0;
        }

        static void usage(String problem) {
            if (problem != null) {
                System.err.println("CaseLoad: " + problem);
            }
            System.err.println("usage: java bench/CaseLoad.java --base http://localhost:PORT [--seconds 30] [--threads 8]"
                    + " [--user citizen.fz] [--password Shebao@2020] [--basic]");
            System.exit(problem == null ? 0 : 2);
        }
    }

    /** A growable array of latencies, one per worker thread, so recording needs no locking. */
    static final class Latencies {
        long[] values = new long[1 << 14];
        int size;
        int failures;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }
    }

    record Result(String name, long requests, long failures, double seconds, long[] sortedNanos, String firstFailure) {
        double perSecond() {
            return seconds > 0 ? requests / seconds : 0;
        }

        /** Exact percentile, nearest rank: the smallest latency with at least p percent of them at or below it. */
        double percentileMillis(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
        }

        double maxMillis() {
            return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
        }
    }

    final Options options;
    final HttpClient client;
    String authorization;

    CaseLoad(Options options) {
        this.options = options;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((options.user() + ":" + options.password()).getBytes(StandardCharsets.UTF_8));
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(options.base().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("Accept-Language", "en");
    }

    HttpRequest ping() {
        return request("/api/v1/ping").GET().build();
    }

    HttpRequest submission() {
        return request("/api/v1/cases")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(CASE_BODY, StandardCharsets.UTF_8))
                .build();
    }

    /**
     * Unless --basic: one password check buys a bearer token (POST /api/v1/tokens), as the mobile app does, and
     * both phases then send it; with --basic every request pays the bcrypt check of HTTP Basic.
     */
    void authenticate() throws InterruptedException {
        if (options.basic()) {
            return;
        }
        try {
            HttpResponse<String> r = client.send(request("/api/v1/tokens")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
            if (r.statusCode() != 201 || !m.find()) {
                System.err.println("could not obtain a token: HTTP " + r.statusCode() + " " + r.body());
                System.exit(1);
            }
            authorization = "Bearer " + m.group(1);
        } catch (java.io.IOException e) {
            System.err.println("could not obtain a token: " + e);
            System.exit(1);
        }
    }

    /** One ping before anything is timed: an unreachable platform or a refused login stops the run at once. */
    void preflight() throws InterruptedException {
        String problem;
        try {
            HttpResponse<String> response = client.send(ping(), HttpResponse.BodyHandlers.ofString());
            if (success(response.statusCode())) {
                return;
            }
            problem = "HTTP " + response.statusCode() + ": " + abbreviate(response.body());
        } catch (IOException e) {
            problem = describe(e);
        }
        System.out.println("CaseLoad: GET " + options.base() + "/api/v1/ping as " + options.user() + " failed: " + problem);
        System.exit(1);
    }

    static boolean success(int status) {
        return status == 200 || status == 201;
    }

    Result run(String name, Supplier<HttpRequest> requests) throws Exception {
        System.out.printf(Locale.ROOT, "%s: %d s warm-up, then %d s with %d threads...%n",
                name, WARM_UP.toSeconds(), options.seconds(), options.threads());
        System.out.flush();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long start = System.nanoTime();
        long measureFrom = start + WARM_UP.toNanos();
        long measureUntil = measureFrom + Duration.ofSeconds(options.seconds()).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        List<Latencies> perWorker;
        try {
            List<Callable<Latencies>> workers = new ArrayList<>();
            for (int t = 0; t < options.threads(); t++) {
                workers.add(() -> work(requests, measureFrom, measureUntil, firstFailure));
            }
            List<Future<Latencies>> futures = pool.invokeAll(workers);
            perWorker = new ArrayList<>();
            for (Future<Latencies> f : futures) {
                perWorker.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - measureFrom) / 1e9;
        int total = 0;
        long failures = 0;
        for (Latencies l : perWorker) {
            total += l.size;
            failures += l.failures;
        }
        long[] all = new long[total];
        int at = 0;
        for (Latencies l : perWorker) {
            System.arraycopy(l.values, 0, all, at, l.size);
            at += l.size;
        }
        Arrays.sort(all);
        return new Result(name, total, failures, seconds, all, firstFailure.get());
    }

    Latencies work(Supplier<HttpRequest> requests, long measureFrom, long measureUntil,
            AtomicReference<String> firstFailure) {
        Latencies mine = new Latencies();
        while (true) {
            HttpRequest request = requests.get();
            long began = System.nanoTime();
            if (began >= measureUntil) {
                return mine;
            }
            boolean counted = began >= measureFrom;
            String failure;
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                long took = System.nanoTime() - began;
                if (success(response.statusCode())) {
                    if (counted) {
                        mine.add(took);
                    }
                    continue;
                }
                failure = "HTTP " + response.statusCode() + ": " + abbreviate(response.body());
            } catch (IOException e) {
                failure = describe(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return mine;
            }
            if (counted) {
                mine.failures++;
            }
            firstFailure.compareAndSet(null, (counted ? "" : "(warm-up) ") + failure);
        }
    }

    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.toString());
        for (Throwable cause = e.getCause(); cause != null && text.length() < 500; cause = cause.getCause()) {
            text.append(" <- ").append(cause);
        }
        return text.toString();
    }

    static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 500 ? oneLine : oneLine.substring(0, 500) + "...";
    }

    static void print(Result r) {
        System.out.println();
        System.out.println("== " + r.name());
        System.out.printf(Locale.ROOT, "  requests      %,d ok in %.1f s%n", r.requests(), r.seconds());
        System.out.printf(Locale.ROOT, "  failures      %,d%n", r.failures());
        if (r.firstFailure() != null) {
            System.out.println("  first failure " + r.firstFailure());
        }
        System.out.printf(Locale.ROOT, "  requests/s    %,.1f%n", r.perSecond());
        System.out.println("  p50           " + millis(r.percentileMillis(50)));
        System.out.println("  p99           " + millis(r.percentileMillis(99)));
        System.out.println("  max           " + millis(r.maxMillis()));
        System.out.println();
        System.out.flush();
    }

    static String millis(double ms) {
        return Double.isNaN(ms) ? "-" : String.format(Locale.ROOT, "%.2f ms", ms);
    }

    static String ratio(double numerator, double denominator) {
        if (!(denominator > 0) || Double.isNaN(numerator)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.3f", numerator / denominator);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        CaseLoad load = new CaseLoad(options);
        load.authenticate();
        load.preflight();
        System.out.printf(Locale.ROOT, "CaseLoad %s as %s (%s), %d threads, %d s per phase (+%d s warm-up), %d CPUs here%n",
                options.base(), options.user(), options.basic() ? "HTTP Basic on every request" : "bearer token",
                options.threads(), options.seconds(), WARM_UP.toSeconds(),
                Runtime.getRuntime().availableProcessors());
        Result ping = load.run("baseline GET /api/v1/ping", load::ping);
        print(ping);
        Result cases = load.run("submissions POST /api/v1/cases", load::submission);
        print(cases);
        System.out.printf(Locale.ROOT, "summary: submissions/s / ping/s = %s (%.1f / %.1f); p99 submission / p99 ping = %s"
                        + " (%s / %s)%n",
                ratio(cases.perSecond(), ping.perSecond()), cases.perSecond(), ping.perSecond(),
                ratio(cases.percentileMillis(99), ping.percentileMillis(99)),
                millis(cases.percentileMillis(99)), millis(ping.percentileMillis(99)));
        if (ping.requests() == 0 || cases.requests() == 0) {
            System.out.println("CaseLoad: a phase had no successful request; see its first failure above");
            System.exit(1);
        }
    }
}
