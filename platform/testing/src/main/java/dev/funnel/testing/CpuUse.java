package dev.funnel.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used by this JVM's threads, grouped by what they do, and by a PostgreSQL server's processes, read from
 * Linux's {@code /proc}. A benchmark running a service, its load and its broker in one JVM takes a snapshot before
 * and after a round to say which part used the CPU. {@code /proc} rather than ThreadMXBean: the JIT compiler and GC
 * threads are not Java threads, and PostgreSQL is another process.
 */
public final class CpuUse {

    /** Thread groups, in the order they are printed; a thread's group is the first whose name prefix it has. */
    static final String LOAD_GENERATOR = "load generator";
    static final String JIT = "JIT";
    private static final List<Map.Entry<String, String>> GROUPS = List.of(
            Map.entry(HttpLoad.THREAD_NAME, LOAD_GENERATOR),
            Map.entry("vert.x-eventloo", "HTTP event loops"),
            Map.entry("executor-thread", "request workers"),
            Map.entry("C2 CompilerThre", JIT),
            Map.entry("C1 CompilerThre", JIT),
            Map.entry("funnel-outbox-r", "outbox relay"),
            // The relay's transactional producer: the only producer a service has.
            Map.entry("kafka-producer-", "outbox relay"),
            Map.entry("GC Thread", "GC and VM"),
            Map.entry("G1 ", "GC and VM"),
            Map.entry("VM Thread", "GC and VM"));
    static final String OTHER = "other (Kafka broker, Kafka clients, ...)";
    /** Threads that ended: /proc keeps their time only in the process's total. */
    static final String ENDED = "ended threads";
    static final String POSTGRESQL = "PostgreSQL";
    /** Linux's USER_HZ: the unit of /proc's CPU times on every architecture Java runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private final Map<String, Double> seconds;

    private CpuUse(Map<String, Double> seconds) {
        this.seconds = seconds;
    }

    /**
     * CPU seconds so far per group of this JVM's threads, and of the PostgreSQL server whose data directory is
     * {@code postgresDataDirectory} (its postmaster, its live backends and those already ended).
     */
    public static CpuUse now(String postgresDataDirectory) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        GROUPS.forEach(group -> seconds.put(group.getValue(), 0.0));
        seconds.put(OTHER, 0.0);
        double live = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String[] stat = stat(task.resolve("stat"));
                if (stat != null) {
                    seconds.merge(group(comm(task)), cpu(stat, false), Double::sum);
                    live += cpu(stat, false);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read /proc/self/task", e);
        }
        String[] process = stat(Path.of("/proc/self/stat"));
        seconds.put(ENDED, Math.max(0, (process == null ? live : cpu(process, false)) - live));
        seconds.put(POSTGRESQL, postgres(postgresDataDirectory));
        return new CpuUse(seconds);
    }

    /** CPU seconds per group used between {@code earlier} and this snapshot. */
    public Map<String, Double> since(CpuUse earlier) {
        Map<String, Double> used = new LinkedHashMap<>();
        seconds.forEach((group, total) -> used.put(group, total - earlier.seconds.getOrDefault(group, 0.0)));
        return used;
    }

    static String group(String threadName) {
        return GROUPS.stream().filter(group -> threadName.startsWith(group.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(OTHER);
    }

    private static double postgres(String dataDirectory) {
        Long postmaster = null;
        double total = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String commandLine = commandLine(process);
                if (commandLine.contains("postgres") && commandLine.contains(dataDirectory)) {
                    postmaster = Long.parseLong(process.getFileName().toString());
                    String[] stat = stat(process.resolve("stat"));
                    total += stat == null ? 0 : cpu(stat, true);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read /proc", e);
        }
        if (postmaster == null) {
            throw new IllegalStateException("No PostgreSQL process has the data directory " + dataDirectory);
        }
        // Its backends: the postmaster's children (their own times; the ended ones are in its cutime and cstime).
        long parent = postmaster;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String[] stat = process.getFileName().toString().chars().allMatch(Character::isDigit)
                        ? stat(process.resolve("stat")) : null;
                if (stat != null && Long.parseLong(stat[1]) == parent) {
                    total += cpu(stat, false);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read /proc", e);
        }
        return total;
    }

    /** utime and stime (and, with {@code withEndedChildren}, cutime and cstime) in seconds. */
    private static double cpu(String[] stat, boolean withEndedChildren) {
        long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
        if (withEndedChildren) {
            ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** The fields of a stat file after the command name (which may hold spaces): [0] is the state; null if gone. */
    private static String[] stat(Path file) {
        try {
            String text = Files.readString(file);
            return text.substring(text.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            return null; // the thread or process ended meanwhile
        }
    }

    private static String comm(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static String commandLine(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline"))).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
