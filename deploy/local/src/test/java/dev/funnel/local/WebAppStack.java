package dev.funnel.local;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The one whole stack that every browser test of a test JVM shares: the launcher's, with the four services and the
 * web app on free ports, trusting {@link TestKeycloak} (whose realm lets funnel-web return to this web app's port),
 * with the demo story's twelve weeks loaded through the APIs and caught up in analytics, so every page has figures
 * to show. Started by the first test that asks, from empty data; stopped when the JVM ends. A start that failed is
 * not tried again: every later test fails with its reason.
 *
 * <p>Tests read what the story did from {@link #tally()} and call the APIs as a person with
 * {@code stack().tokens().token("sam")}, to compare what a page shows with what the services say. A test that changes
 * data should add its own (a technique or prospect of its own name), since the others see the same stack.
 */
final class WebAppStack {

    private static final Path HOME = Path.of(System.getProperty("funnel.home", "../..")).toAbsolutePath();
    private static final Path DIRECTORY = HOME.resolve("deploy/local/target/web-app-stack");
    private static final Duration CATCH_UP = Duration.ofMinutes(3);

    private static WebAppStack shared;
    private static Exception failure;

    private final LocalStack stack;
    private final LocalRealm realm;
    private final LocalDate today;
    private final LocalDate storyStart;
    private final DemoStory.Tally tally;
    private final Path webAppLog;

    private WebAppStack(LocalStack stack, LocalRealm realm, LocalDate today, LocalDate storyStart,
            DemoStory.Tally tally, Path webAppLog) {
        this.stack = stack;
        this.realm = realm;
        this.today = today;
        this.storyStart = storyStart;
        this.tally = tally;
        this.webAppLog = webAppLog;
    }

    private static final Set<Long> OWN_PROCESSES = ConcurrentHashMap.newKeySet();

    /** The shared stack, started (and the story loaded) on the first call. */
    static synchronized WebAppStack get() throws Exception {
        if (failure != null) {
            throw new IllegalStateException("the shared web app stack failed to start earlier: "
                    + LocalStack.oneLine(failure), failure);
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (Exception e) {
                failure = e;
                throw e;
            }
        }
        return shared;
    }

    private static WebAppStack start() throws Exception {
        long starting = System.nanoTime();
        String issuer = TestKeycloak.issuer();
        long keycloakReady = System.nanoTime();
        List<String> args = new ArrayList<>(List.of(LocalStackTest.portArguments(DIRECTORY, List.of("--reset"))));
        // After the free ports, so it wins: the one port the test Keycloak's realm lets funnel-web return to.
        args.add("--web-port=" + TestKeycloak.webAppPort());
        StackSettings settings = StackSettings.parse(args.toArray(String[]::new), Map.of("FUNNEL_OIDC_URL", issuer),
                HOME);
        Files.createDirectories(DIRECTORY);
        Path output = DIRECTORY.resolve("launcher.out");
        PrintStream out = new PrintStream(Files.newOutputStream(output), true, StandardCharsets.UTF_8);
        Set<Long> before = pidsOfOurDescendants();
        LocalStack stack = LocalStack.start(settings, out);
        Set<Long> started = pidsOfOurDescendants();
        started.removeAll(before);
        OWN_PROCESSES.addAll(started);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "web-app-stack-stop"));
        long stackReady = System.nanoTime();

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DemoStory story = new DemoStory(stack.urls(), stack.tokens(), today);
        DemoStory.Tally tally = story.load();
        new DemoReport(stack.urls(), stack.tokens(), story.start(), today).awaitCaughtUp(tally, CATCH_UP);
        long ready = System.nanoTime();
        System.out.printf("Web app stack: ready in %.0f s (test Keycloak %.0f s, stack %.0f s, demo story loaded and "
                        + "caught up %.0f s) at %s; launcher output %s, logs %s%n", seconds(ready - starting),
                seconds(keycloakReady - starting), seconds(stackReady - keycloakReady), seconds(ready - stackReady),
                stack.webAppUrl(), output, settings.logDirectory());
        return new WebAppStack(stack, LocalRealm.read(), today, story.start(), tally,
                settings.logDirectory().resolve("web-app.log"));
    }

    /**
     * Whether the process is one this shared stack started (a service, the web app): the launcher's own tests check
     * that their stacks leave no process behind, and must not count the shared stack's, which lives as long as the
     * test JVM.
     */
    static boolean owns(ProcessHandle candidate) {
        return OWN_PROCESSES.contains(candidate.pid());
    }

    private static Set<Long> pidsOfOurDescendants() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid)
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** Where the pages are: {@code http://localhost:<port>}, no trailing slash. */
    String webAppUrl() {
        return stack.webAppUrl();
    }

    /** The running stack: its services' {@code urls()}, and {@code tokens()} to call them as a person. */
    LocalStack stack() {
        return stack;
    }

    /** The password of one of the realm's users (olivia, mia, sam, alex, max, ana, ada). */
    String password(String user) {
        return realm.user(user).password();
    }

    /** The Monday twelve weeks back on which the demo story starts. */
    LocalDate storyStart() {
        return storyStart;
    }

    /** The story's last day, the day the stack started (UTC). */
    LocalDate today() {
        return today;
    }

    /** What the story did, counted by itself: the figures the pages must show. */
    DemoStory.Tally tally() {
        return tally;
    }

    /** The web app's log, to read what it said about a failing page. */
    Path webAppLog() {
        return webAppLog;
    }
}
