package com.wallet.apiaccess.resilience;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service in a process of its own: the native executable when failsafe names one
 * ({@code native.image.path}, the native build), else {@code target/quarkus-app/quarkus-run.jar}.
 * It runs in the prod profile, so {@code /q/*} (health, metrics, OpenAPI) is on the management
 * interface: a free port of its own here ({@link #managementUrl()}), 9000 in a deployment.
 */
final class PackagedService implements AutoCloseable {

    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;

    private PackagedService(Process process, int port, int managementPort, Path log) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    static PackagedService start(String name, Map<String, String> properties) throws Exception {
        // The free ports found here may be taken by another process before the service binds them: try others.
        for (int attempt = 1; ; attempt++) {
            try {
                return start(name, properties, freePort(), freePort());
            } catch (PortTaken e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static PackagedService start(String name, Map<String, String> properties, int port, int managementPort)
            throws Exception {
        List<String> command = new ArrayList<>();
        Path nativeExecutable = Path.of(System.getProperty("native.image.path", "target/none"));
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        if (Files.isExecutable(nativeExecutable)) {
            command.add(nativeExecutable.toString());
        } else if (Files.exists(jar)) {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        } else {
            throw new IllegalStateException("Package the service first (mvn package): " + jar.toAbsolutePath());
        }
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.port=" + managementPort);
        command.add("-Dapi-access.issuer=http://localhost:" + port);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        if (!Files.isExecutable(nativeExecutable)) {
            command.add("-jar");
            command.add(jar.toString());
        }
        Path log = Path.of("target", name + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PackagedService service = new PackagedService(process, port, managementPort, log);
        service.awaitReady(Duration.ofSeconds(60));
        return service;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The management interface's root: health, metrics and OpenAPI are under {@code /q} there. */
    String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    /** The process, e.g. to send it SIGTERM and watch it shut down. */
    Process process() {
        return process;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String log = log();
                if (log.contains("seems to be in use by another process") || log.contains("Address already in use")) {
                    throw new PortTaken(port, log);
                }
                throw new IllegalStateException("The service exited at start:\n" + log);
            }
            try {
                HttpResponse<String> ready = client.send(
                        HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The service was not ready within " + timeout + ":\n" + log());
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static final class PortTaken extends IllegalStateException {
        PortTaken(int port, String log) {
            super("Port " + port + " was taken before the service bound it:\n" + log);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
