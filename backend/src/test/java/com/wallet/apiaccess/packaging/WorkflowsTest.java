package com.wallet.apiaccess.packaging;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.wallet.apiaccess.packaging.Packaging.dockerfile;
import static com.wallet.apiaccess.packaging.Packaging.file;
import static com.wallet.apiaccess.packaging.Packaging.finalStage;
import static com.wallet.apiaccess.packaging.Packaging.get;
import static com.wallet.apiaccess.packaging.Packaging.list;
import static com.wallet.apiaccess.packaging.Packaging.read;
import static com.wallet.apiaccess.packaging.Packaging.stage;
import static com.wallet.apiaccess.packaging.Packaging.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * .github/workflows/ci.yml and native.yml, and .github/dependabot.yml: the jobs the project relies on,
 * in agreement with the build (Java releases, Node, the test database variables, the builder image, the
 * Dockerfiles they publish). actionlint checks the rest (LintersTest).
 */
class WorkflowsTest {

    private static final Map<String, Object> CI = yaml(".github/workflows/ci.yml");
    private static final Map<String, Object> NATIVE = yaml(".github/workflows/native.yml");

    @Test
    void ciRunsOnEveryPushAndPullRequest() {
        Map<String, Object> on = get(CI, "on");
        assertThat(on).containsKeys("push", "pull_request");
        assertThat(on.get("push")).as("every branch").isNull();
    }

    @Test
    void ciRunsMakeTestOnJava17And25AgainstAPostgresServiceContainer() {
        Map<String, Object> backend = get(CI, "jobs", "backend");
        assertThat(backend).as("job backend").isNotNull();
        assertThat((String) get(backend, "runs-on")).isEqualTo("ubuntu-latest");

        Map<String, Object> postgres = get(backend, "services", "postgres");
        assertThat((String) get(postgres, "image")).isEqualTo("postgres:16");
        assertThat((String) get(postgres, "env", "POSTGRES_HOST_AUTH_METHOD")).isEqualTo("trust");
        assertThat((List<Object>) get(postgres, "ports"))
                .extracting(Object::toString)
                .contains("5432:5432");

        List<Object> java = get(backend, "strategy", "matrix", "java");
        assertThat(java).extracting(Object::toString).containsExactly("17", "25");
        // 17: the release the code is compiled for; 25: the runtime of the JVM image.
        assertThat(read("backend/pom.xml")).contains("<maven.compiler.release>17</maven.compiler.release>");
        assertThat(finalStage(dockerfile("docker/Dockerfile.jvm")).image()).isEqualTo("eclipse-temurin:25-jre");

        Map<String, Object> setupJava = step(backend, "actions/setup-java");
        assertThat((String) get(setupJava, "with", "distribution")).isEqualTo("temurin");
        assertThat((String) get(setupJava, "with", "java-version")).isEqualTo("${{ matrix.java }}");
        assertThat((String) get(setupJava, "with", "cache")).isEqualTo("maven");

        assertThat(runs(backend)).contains("make test");
        assertThat(read("Makefile")).containsPattern("\\ntest:");
    }

    @Test
    void everyWorkflowUsesTheNodeOfTheImagesAndCachesNpm() {
        Matcher image = Pattern.compile("FROM node:(\\d+)").matcher(read("docker/Dockerfile.jvm"));
        assertThat(image.find()).isTrue();
        List<Map<String, Object>> jobs = List.of(get(CI, "jobs", "backend"), get(NATIVE, "jobs", "native"));
        for (Map<String, Object> job : jobs) {
            Map<String, Object> setupNode = step(job, "actions/setup-node");
            assertThat(get(setupNode, "with", "node-version").toString()).isEqualTo(image.group(1));
            assertThat((String) get(setupNode, "with", "cache")).isEqualTo("npm");
            String locks = get(setupNode, "with", "cache-dependency-path");
            assertThat(locks.lines()
                            .map(String::strip)
                            .filter(l -> !l.isEmpty())
                            .toList())
                    .isNotEmpty()
                    .allSatisfy(lock -> assertThat(file(lock)).isRegularFile());
        }
    }

    @Test
    void theTestDatabaseVariablesAreTheOnesTheTestsReadAndPointAtTheServiceContainer() {
        Map<String, Object> env = get(CI, "jobs", "backend", "env");
        Set<String> read = new TreeSet<>();
        Matcher m = Pattern.compile("env\\(\"(TEST_DB_[A-Z_]+)\"")
                .matcher(read("backend/src/test/java/com/wallet/apiaccess/support/PostgresTestDatabase.java"));
        while (m.find()) {
            read.add(m.group(1));
        }
        assertThat(read).isNotEmpty();
        assertThat(env).containsKeys(read.toArray(String[]::new));
        assertThat(env.get("TEST_DB_HOST")).isEqualTo("127.0.0.1");
        assertThat(env.get("TEST_DB_PORT").toString()).isEqualTo("5432");
        assertThat(env.get("TEST_DB_USER")).isEqualTo("postgres");
        // The e2e setup and `make db` use libpq's variables.
        assertThat(env).containsKeys("PGHOST", "PGPORT", "PGUSER");
    }

    @Test
    void ciGivesTheTestsTheirPostgresServerBinariesChromiumAndTheLinters() {
        String runs = runs(get(CI, "jobs", "backend"));
        // DatabaseOutageIT starts a PostgreSQL of its own with initdb.
        assertThat(runs).contains("initdb").contains("postgresql");
        // playwright.config.ts launches the browser at CHROMIUM_PATH.
        assertThat(read("frontend/playwright.config.ts")).contains("process.env.CHROMIUM_PATH");
        assertThat(runs).contains("CHROMIUM_PATH=").contains("$GITHUB_ENV");
        // LintersTest and NginxTest fail under CI=true without these.
        assertThat(runs).contains("nginx").contains("shellcheck");
    }

    @Test
    void nativeBuildsWithTheDockerfilesBuilderAndRunsTheIntegrationTests() {
        Map<String, Object> on = get(NATIVE, "on");
        assertThat((List<String>) get(on, "push", "tags")).contains("v*");
        Map<String, Object> job = get(NATIVE, "jobs", "native");
        assertThat(job).as("job native").isNotNull();
        assertThat(runs(job)).contains("./mvnw -B verify -Dnative");
        assertThat((String) get(NATIVE, "env", "BUILDER_IMAGE"))
                .isEqualTo(
                        stage(dockerfile("docker/Dockerfile.native"), "build").image());
        assertThat(runs(job)).contains("-Dquarkus.native.builder-image=${{ env.BUILDER_IMAGE }}");
        assertThat(get(job, "services", "postgres").toString()).contains("postgres:16");
    }

    @Test
    void onATagTheImagesArePushedToGhcrWithProvenance() {
        Map<String, Object> images = get(NATIVE, "jobs", "images");
        assertThat(images).as("job images").isNotNull();
        assertThat((String) get(images, "permissions", "packages")).isEqualTo("write");
        assertThat(get(images, "needs").toString()).contains("native");

        Map<String, Object> build = step(images, "docker/build-push-action");
        assertThat(get(build, "with", "provenance").toString()).isEqualTo("true");
        assertThat(get(build, "with", "push").toString()).isEqualTo("${{ startsWith(github.ref, 'refs/tags/v') }}");
        Map<String, Object> login = step(images, "docker/login-action");
        assertThat((String) get(login, "with", "registry")).isEqualTo("ghcr.io");
        assertThat((String) get(login, "if")).contains("refs/tags/v");
        assertThat(step(images, "docker/setup-buildx-action"))
                .as("buildx, for provenance and the gha cache")
                .isNotNull();

        Set<String> published = new TreeSet<>();
        for (Map<String, Object> entry : list(images, "strategy", "matrix", "include")) {
            published.add((String) entry.get("dockerfile"));
        }
        assertThat(published).containsExactlyInAnyOrderElementsOf(dockerfiles());
    }

    @Test
    void theComposeSmokeTestIsRunAndExists() {
        assertThat(runs(get(NATIVE, "jobs", "compose"))).contains("bash docker/smoke-test.sh");
        assertThat(file("docker/smoke-test.sh")).isRegularFile();
        assertThat(read("docker/smoke-test.sh")).contains("docker compose").contains("/oauth2/token");
    }

    @Test
    void everyActionIsPinnedToARelease() {
        for (Map<String, Object> workflow : List.of(CI, NATIVE)) {
            Map<String, Object> jobs = get(workflow, "jobs");
            for (Object job : jobs.values()) {
                for (Map<String, Object> s : list(job, "steps")) {
                    Object uses = s.get("uses");
                    if (uses != null) {
                        assertThat(uses.toString())
                                .matches("[\\w.-]+/[\\w.-]+(/[\\w./-]+)?@(v\\d+(\\.\\d+)*|[0-9a-f]{40})");
                    }
                }
            }
        }
    }

    @Test
    void dependabotWatchesMavenNpmActionsAndDocker() {
        Map<String, Object> dependabot = yaml(".github/dependabot.yml");
        assertThat(dependabot.get("version")).isEqualTo(2);
        Set<String> updates = new TreeSet<>();
        for (Map<String, Object> update : list(dependabot, "updates")) {
            String ecosystem = (String) update.get("package-ecosystem");
            String directory = (String) update.get("directory");
            updates.add(ecosystem + " " + directory);
            assertThat(get(update, "schedule", "interval").toString()).isNotBlank();
            String manifest = switch (ecosystem) {
                case "maven" -> "pom.xml";
                case "npm" -> "package-lock.json";
                case "docker-compose" -> "compose.yaml";
                default -> "";
            };
            assertThat(file(directory.substring(1)).resolve(manifest))
                    .as(ecosystem + " in " + directory)
                    .exists();
        }
        assertThat(updates)
                .contains("maven /backend", "npm /frontend", "npm /.ci/lint", "github-actions /", "docker /docker");
        assertThat(dockerfiles()).isNotEmpty();
    }

    // ------------------------------------------------------------------------------------------------

    private static List<String> dockerfiles() {
        try (Stream<Path> files = Files.list(file("docker"))) {
            return files.map(p -> "docker/" + p.getFileName())
                    .filter(name -> name.matches("docker/Dockerfile\\.[a-z]+"))
                    .sorted()
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The first step of a job that uses an action, whatever its version. */
    private static Map<String, Object> step(Map<String, Object> job, String action) {
        return list(job, "steps").stream()
                .filter(s -> s.get("uses") != null && s.get("uses").toString().startsWith(action + "@"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step uses " + action));
    }

    /** Every run: script of a job, one after the other. */
    private static String runs(Map<String, Object> job) {
        List<String> runs = new ArrayList<>();
        for (Map<String, Object> s : list(job, "steps")) {
            if (s.get("run") != null) {
                runs.add(s.get("run").toString());
            }
        }
        return String.join("\n", runs);
    }
}
