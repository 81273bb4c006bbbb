package com.wallet.apiaccess.packaging;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.wallet.apiaccess.packaging.Packaging.file;
import static com.wallet.apiaccess.packaging.Packaging.read;
import static com.wallet.apiaccess.packaging.Packaging.securityHeaders;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker/nginx.conf, the console on its own nginx, run for real (Debian's nginx) in front of a stub of
 * the service: deep links load index.html, /q/* (health, metrics, OpenAPI) is never sent to the
 * service, the service's paths are, with the client's X-Forwarded-For replaced, and every answer has
 * the service's security headers exactly once.
 */
class NginxTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String INDEX = "<!doctype html><title>console</title>";

    private static HttpServer backend;
    private static final ConcurrentLinkedQueue<String> proxied = new ConcurrentLinkedQueue<>();
    private static Process nginx;
    private static String console;

    @BeforeAll
    static void start() throws Exception {
        Path binary = Linters.debianTool("nginx", "nginx");
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", exchange -> {
            proxied.add(exchange.getRequestURI().getPath() + " X-Forwarded-For="
                    + exchange.getRequestHeaders().getFirst("X-Forwarded-For"));
            // The service sends its own security headers too; nginx must drop these copies.
            securityHeaders()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path html = Files.createDirectories(file("backend/target/nginx-test-html/assets"));
        Files.writeString(html.getParent().resolve("index.html"), INDEX);
        Path prefix = prefix(
                port,
                "http://127.0.0.1:" + backend.getAddress().getPort(),
                html.getParent().toString());
        nginx = new ProcessBuilder(
                        binary.toString(),
                        "-e",
                        "stderr",
                        "-p",
                        prefix.toString(),
                        "-c",
                        prefix.resolve("nginx.conf").toString(),
                        "-g",
                        "daemon off; master_process off;")
                .redirectErrorStream(true)
                .redirectOutput(prefix.resolve("nginx.log").toFile())
                .start();
        console = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                get("/index.html", Map.of());
                break;
            } catch (IOException notYet) {
                if (!nginx.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError(
                            "nginx did not start: " + Files.readString(prefix.resolve("nginx.log")), notYet);
                }
                Thread.sleep(50);
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(5, TimeUnit.SECONDS);
        }
        if (backend != null) {
            backend.stop(0);
        }
    }

    @Test
    void deepLinksLoadIndexHtmlWithTheServicesSecurityHeadersOnce() throws Exception {
        HttpResponse<String> page = get("/settings/iam/api-access", Map.of("Accept", "text/html"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo(INDEX);
        assertSecurityHeadersOnce(page);
    }

    @Test
    void aMissingBundleIsA404WithTheHeadersNotTheSpa() throws Exception {
        HttpResponse<String> missing = get("/assets/missing-1234.js", Map.of());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).doesNotContain(INDEX);
        assertSecurityHeadersOnce(missing);
    }

    @Test
    void theServicesManagementPathsAreNeverProxied() throws Exception {
        proxied.clear();
        for (String path : List.of("/q/health/ready", "/q/metrics", "/q/openapi", "/q/")) {
            assertThat(get(path, Map.of()).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(proxied).isEmpty();
    }

    @Test
    void theServicesPathsAreProxiedWithTheClientsAddressReplaced() throws Exception {
        Set<String> prefixes = viteProxiedLessQ();
        assertThat(prefixes)
                .as("what the service's own SPA fallback leaves to the API, less q")
                .isEqualTo(spaFallbackExclusionsLessQ());
        for (String prefix : prefixes) {
            proxied.clear();
            HttpResponse<String> answer = get("/" + prefix + "/x", Map.of("X-Forwarded-For", "203.0.113.9"));
            assertThat(answer.statusCode()).as(prefix).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{}");
            // The service counts failed sign-ins per address: the proxy replaces what the client claims.
            assertThat(proxied).containsExactly("/" + prefix + "/x X-Forwarded-For=127.0.0.1");
            assertSecurityHeadersOnce(answer);
        }
    }

    // ------------------------------------------------------------------------------------------------

    /**
     * A prefix directory for nginx -p: conf.d/default.conf is docker/nginx.conf with the values the image's
     * entrypoint substitutes, inside an nginx.conf like the nginx-unprivileged image's (pid and temp paths
     * writable by a non-root user). The port and the SPA's root are replaced only when they differ from
     * the image's.
     */
    static Path prefix(int port, String backendUrl, String root) throws IOException {
        String template = read("docker/nginx.conf");
        Matcher vars = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(template);
        while (vars.find()) {
            // BACKEND_URL from the image's ENV, NGINX_LOCAL_RESOLVERS from its entrypoint.
            assertThat(vars.group(1)).isIn("BACKEND_URL", "NGINX_LOCAL_RESOLVERS");
        }
        String conf = template.replace("${BACKEND_URL}", backendUrl)
                .replace("${NGINX_LOCAL_RESOLVERS}", "127.0.0.1")
                .replace("listen 8080;", "listen 127.0.0.1:" + port + ";")
                .replace("root /usr/share/nginx/html;", "root " + root + ";");
        if (port == 8080) {
            conf = conf.replace("listen 127.0.0.1:8080;", "listen 8080;");
        }
        Path prefix = Files.createTempDirectory(Files.createDirectories(file("backend/target")), "nginx-");
        Files.createDirectories(prefix.resolve("conf.d"));
        Files.createDirectories(prefix.resolve("logs"));
        Files.writeString(prefix.resolve("conf.d/default.conf"), conf);
        Path mimeTypes = Path.of("/etc/nginx/mime.types");
        Files.writeString(
                prefix.resolve("nginx.conf"),
                String.join(
                        "\n",
                        "pid " + prefix.resolve("nginx.pid") + ";",
                        "error_log stderr notice;",
                        "events { worker_connections 64; }",
                        "http {",
                        Files.exists(mimeTypes) ? "  include " + mimeTypes + ";" : "",
                        "  default_type application/octet-stream;",
                        "  access_log off;",
                        "  client_body_temp_path " + prefix.resolve("client_temp") + ";",
                        "  proxy_temp_path " + prefix.resolve("proxy_temp") + ";",
                        "  fastcgi_temp_path " + prefix.resolve("fastcgi_temp") + ";",
                        "  uwsgi_temp_path " + prefix.resolve("uwsgi_temp") + ";",
                        "  scgi_temp_path " + prefix.resolve("scgi_temp") + ";",
                        "  include " + prefix.resolve("conf.d") + "/*.conf;",
                        "}",
                        ""));
        return prefix;
    }

    private static void assertSecurityHeadersOnce(HttpResponse<String> answer) {
        Map<String, String> service = securityHeaders();
        assertThat(service)
                .containsKeys(
                        "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options");
        service.forEach((name, value) -> assertThat(answer.headers().allValues(name))
                .as("%s on %s", name, answer.uri())
                .containsExactly(value));
    }

    /** What the Vite dev server sends to the service, less /q. */
    private static Set<String> viteProxiedLessQ() {
        Matcher vite = Pattern.compile("const proxied = \\[([^]]+)]").matcher(read("frontend/vite.config.ts"));
        assertThat(vite.find()).as("const proxied in frontend/vite.config.ts").isTrue();
        Set<String> dev = new TreeSet<>();
        for (String item : vite.group(1).split(",")) {
            dev.add(item.trim().replace("'", "").substring(1));
        }
        dev.remove("q");
        return dev;
    }

    /** The prefixes the service's own SPA fallback (SpaFallbackRoute, wherever it lives) leaves to the API. */
    private static Set<String> spaFallbackExclusionsLessQ() throws IOException {
        Path route;
        try (Stream<Path> files = Files.walk(file("backend/src/main/java"))) {
            route = files.filter(p -> p.getFileName().toString().equals("SpaFallbackRoute.java"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no SpaFallbackRoute.java under backend/src/main/java"));
        }
        String fallback = Files.readString(route);
        Set<String> service = new TreeSet<>();
        Matcher excluded =
                Pattern.compile("(\\\\\\\\\\.)?([a-z0-9-]+)\\(\\?:/\\|\\$\\)").matcher(fallback);
        while (excluded.find()) {
            service.add((excluded.group(1) != null ? "." : "") + excluded.group(2));
        }
        service.remove("q");
        return service;
    }

    private static HttpResponse<String> get(String path, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(console + path)).timeout(Duration.ofSeconds(5));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
