package com.wallet.apiaccess.resilience;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own, made with initdb and run with pg_ctl on a spare port, so the
 * test can stop and start it without touching the shared server. As root it runs as user postgres.
 */
final class ThrowawayPostgres implements AutoCloseable {

    private final Path bin;
    private final Path dir;
    private final int port;

    private ThrowawayPostgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    static ThrowawayPostgres create() throws Exception {
        Path bin = binDir();
        Path dir = Files.createTempDirectory("apiaccess-pg-");
        if (isRoot()) {
            run(List.of("chown", "postgres:postgres", dir.toString()), false);
        }
        ThrowawayPostgres pg = new ThrowawayPostgres(bin, dir, freePort());
        pg.pg(
                bin.resolve("initdb").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-sync");
        // The free port may be taken by another process before PostgreSQL binds it: try another.
        for (int attempt = 1; ; attempt++) {
            try {
                pg.start();
                break;
            } catch (IllegalStateException e) {
                if (attempt == 3) {
                    throw e;
                }
                pg = new ThrowawayPostgres(bin, dir, freePort());
            }
        }
        pg.pg(
                bin.resolve("psql").toString(),
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(pg.port),
                "-U",
                "postgres",
                "-d",
                "postgres",
                "-c",
                "create database apiaccess");
        return pg;
    }

    int port() {
        return port;
    }

    void start() throws Exception {
        pg(
                bin.resolve("pg_ctl").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-l",
                dir.resolve("log").toString(),
                "-w",
                "-t",
                "30",
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start");
    }

    void stop() throws Exception {
        pg(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
    }

    @Override
    public void close() throws Exception {
        try {
            pg(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "stop");
        } catch (Exception alreadyStopped) {
            // nothing to stop
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    private void pg(String... command) throws Exception {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(full, true);
    }

    private static void run(List<String> command, boolean quiet) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static Path binDir() throws IOException {
        Path base = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(base)) {
            try (Stream<Path> versions = Files.list(base)) {
                return versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparing(b -> Integer.parseInt(
                                b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                        .orElseThrow(() -> new IllegalStateException("No initdb under /usr/lib/postgresql"));
            }
        }
        throw new IllegalStateException("PostgreSQL server binaries (initdb, pg_ctl) are needed for this test");
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
