package com.wallet.apiaccess.packaging;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.wallet.apiaccess.packaging.Packaging.apiAccessEnvNames;
import static com.wallet.apiaccess.packaging.Packaging.applicationProperties;
import static com.wallet.apiaccess.packaging.Packaging.documentedQuarkusEnvNames;
import static com.wallet.apiaccess.packaging.Packaging.envReferencedByApplicationProperties;
import static com.wallet.apiaccess.packaging.Packaging.file;
import static com.wallet.apiaccess.packaging.Packaging.get;
import static com.wallet.apiaccess.packaging.Packaging.httpPort;
import static com.wallet.apiaccess.packaging.Packaging.isApiAccessSetting;
import static com.wallet.apiaccess.packaging.Packaging.managementPort;
import static com.wallet.apiaccess.packaging.Packaging.quarkusDuration;
import static com.wallet.apiaccess.packaging.Packaging.read;
import static com.wallet.apiaccess.packaging.Packaging.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * compose.yaml, docker/compose.jvm.yaml, .env.example and the Makefile's docker targets against the
 * service's configuration: every environment variable is a real setting, the database URLs point at
 * the postgres service, the ports and the key's path are the ones the service and the images use.
 */
class ComposeTest {

    private static final Map<String, Object> COMPOSE = yaml("compose.yaml");
    private static final Map<String, Object> JVM = yaml("docker/compose.jvm.yaml");

    @Test
    void postgresKeepsItsDataInANamedVolumeAndReportsHealthWithPgIsready() {
        Map<String, Object> postgres = get(COMPOSE, "services", "postgres");
        assertThat((String) get(postgres, "image")).matches("postgres:1[67](\\..*)?");
        List<String> volumes = get(postgres, "volumes");
        assertThat(volumes).contains("pgdata:/var/lib/postgresql/data");
        assertThat((Map<String, Object>) get(COMPOSE, "volumes")).containsKey("pgdata");
        assertThat(get(postgres, "healthcheck", "test").toString()).contains("pg_isready");
    }

    @Test
    void theServiceIsNativeByDefaultAndTheJvmOverrideOnlySwapsItsImage() {
        assertThat((String) get(COMPOSE, "services", "backend", "build", "dockerfile"))
                .isEqualTo("docker/Dockerfile.native");
        assertThat((String) get(COMPOSE, "services", "backend", "build", "context"))
                .isEqualTo(".");
        assertThat((Map<String, Object>) get(JVM, "services")).containsOnlyKeys("backend");
        assertThat((String) get(JVM, "services", "backend", "build", "dockerfile"))
                .isEqualTo("docker/Dockerfile.jvm");
        for (String dockerfile :
                List.of("docker/Dockerfile.native", "docker/Dockerfile.jvm", "docker/Dockerfile.frontend")) {
            assertThat(file(dockerfile)).isRegularFile();
        }
        assertThat((String) get(COMPOSE, "services", "frontend", "build", "dockerfile"))
                .isEqualTo("docker/Dockerfile.frontend");
    }

    @Test
    void theServiceStartsOnceThePostgresIsHealthyAndTheConsoleOnceTheServiceIs() {
        assertThat((String) get(COMPOSE, "services", "backend", "depends_on", "postgres", "condition"))
                .isEqualTo("service_healthy");
        assertThat((String) get(COMPOSE, "services", "frontend", "depends_on", "backend", "condition"))
                .isEqualTo("service_healthy");
        assertThat((List<String>) get(COMPOSE, "services", "backend", "healthcheck", "test"))
                .containsExactly("CMD", "/usr/local/bin/health-probe");
    }

    @Test
    void theServiceGetsEverySettingTheDeploymentNeeds() {
        assertThat(backendEnvironment())
                .containsKeys(
                        "DB_REACTIVE_URL",
                        "DB_JDBC_URL",
                        "DB_USERNAME",
                        "DB_PASSWORD",
                        "API_ACCESS_ISSUER",
                        "API_ACCESS_SECRET_PEPPER",
                        "API_ACCESS_JWT_SIGN_KEY_LOCATION",
                        "API_ACCESS_BOOTSTRAP_WALLET_KEY",
                        "API_ACCESS_BOOTSTRAP_WALLET_NAME",
                        "API_ACCESS_BOOTSTRAP_ADMIN_USERNAME",
                        "API_ACCESS_BOOTSTRAP_ADMIN_PASSWORD");
    }

    @Test
    void everyEnvironmentVariableOfTheServiceIsARealSetting() {
        Set<String> database = envReferencedByApplicationProperties();
        assertThat(database).contains("DB_REACTIVE_URL", "DB_JDBC_URL", "DB_USERNAME", "DB_PASSWORD");
        assertThat(apiAccessEnvNames()).contains("API_ACCESS_ISSUER", "API_ACCESS_JWT_SIGN_KEY_LOCATION");
        Set<String> quarkus = documentedQuarkusEnvNames();
        for (String name : backendEnvironment().keySet()) {
            if (name.startsWith("API_ACCESS_")) {
                assertThat(isApiAccessSetting(name))
                        .as(name + " is an api-access.* setting of ApiAccessConfig")
                        .isTrue();
            } else if (name.startsWith("QUARKUS_")) {
                assertThat(quarkus)
                        .as(name + " is a quarkus.* key that README.md documents")
                        .contains(name);
            } else {
                assertThat(database)
                        .as(name + " is read by application.properties")
                        .contains(name);
            }
        }
    }

    @Test
    void theDatabaseUrlsPointAtThePostgresServiceAndItsDatabase() {
        Map<String, String> env = backendEnvironment();
        Map<String, String> postgres = environment(get(COMPOSE, "services", "postgres", "environment"));
        String database = postgres.get("POSTGRES_DB");
        assertThat(env.get("DB_REACTIVE_URL")).isEqualTo("postgresql://postgres:5432/" + database);
        assertThat(env.get("DB_JDBC_URL")).isEqualTo("jdbc:" + env.get("DB_REACTIVE_URL"));
        // The same URL forms as the service's defaults.
        String properties = read("backend/src/main/resources/application.properties");
        assertThat(properties).contains("${DB_REACTIVE_URL:postgresql://").contains("${DB_JDBC_URL:jdbc:postgresql://");
        assertThat(env.get("DB_USERNAME")).isEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(env.get("DB_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
        assertThat((Map<String, Object>) get(COMPOSE, "services")).containsKey("postgres");
    }

    @Test
    void theSigningKeyIsTheMountedSecretFile() {
        List<Map<String, Object>> secrets = get(COMPOSE, "services", "backend", "secrets");
        assertThat(secrets).hasSize(1);
        String source = (String) secrets.get(0).get("source");
        String target = (String) secrets.get(0).get("target");
        assertThat((String) get(COMPOSE, "secrets", source, "file"))
                .isEqualTo("${SIGNING_KEY_FILE:-./docker/secrets/signing-key.pem}");
        assertThat(backendEnvironment().get("API_ACCESS_JWT_SIGN_KEY_LOCATION")).isEqualTo("/run/secrets/" + target);
        // Keys in docker/secrets are neither committed nor sent to a build.
        assertThat(read("docker/secrets/.gitignore")).contains("\n*\n");
    }

    @Test
    void thePortsAreTheServicesAndNginxs() {
        assertThat((List<String>) get(COMPOSE, "services", "backend", "ports"))
                .containsExactly("${BACKEND_PORT:-8080}:" + httpPort());
        // The management interface (/q) is for the compose network only: exposed, never published.
        assertThat((List<Object>) get(COMPOSE, "services", "backend", "expose"))
                .extracting(Object::toString)
                .containsExactly(Integer.toString(managementPort()));
        for (Map.Entry<String, Object> service : ((Map<String, Object>) get(COMPOSE, "services")).entrySet()) {
            List<Object> ports = get(service.getValue(), "ports");
            for (Object port : ports == null ? List.of() : ports) {
                assertThat(port.toString())
                        .as(service.getKey() + " publishes the management port")
                        .doesNotEndWith(":" + managementPort());
            }
        }
        Matcher listen = Pattern.compile("listen\\s+(\\d+);").matcher(read("docker/nginx.conf"));
        assertThat(listen.find()).isTrue();
        assertThat((List<String>) get(COMPOSE, "services", "frontend", "ports"))
                .containsExactly("${FRONTEND_PORT:-8081}:" + listen.group(1));
        assertThat(environment(get(COMPOSE, "services", "frontend", "environment")))
                .containsEntry("BACKEND_URL", "http://backend:" + httpPort());
        assertThat(backendEnvironment().get("API_ACCESS_ISSUER"))
                .isEqualTo("${API_ACCESS_ISSUER:-http://localhost:8080}");
    }

    @Test
    void theServiceHasTimeToGoUnreadyAndThenDrainBeforeItIsKilled() {
        Duration grace = duration(get(COMPOSE, "services", "backend", "stop_grace_period"));
        Properties properties = applicationProperties();
        // Readiness goes down on SIGTERM and the service keeps serving for the delay; then it drains.
        assertThat(properties
                        .getProperty("%prod.quarkus.shutdown.delay-enabled", "")
                        .trim())
                .isEqualTo("true");
        Duration delay = quarkusDuration(properties.getProperty("%prod.quarkus.shutdown.delay"));
        Duration timeout = quarkusDuration(properties.getProperty("quarkus.shutdown.timeout"));
        assertThat(delay).isPositive();
        assertThat(timeout).isPositive();
        assertThat(grace)
                .as("stop_grace_period longer than quarkus.shutdown.delay + timeout")
                .isGreaterThan(delay.plus(timeout));
    }

    @Test
    void envExampleHasEveryVariableOfTheComposeFilesEachWithAComment() throws Exception {
        List<String> lines = Files.readAllLines(file(".env.example"));
        Map<String, String> example = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = Pattern.compile("([A-Z][A-Z0-9_]*)=(.*)").matcher(lines.get(i));
            if (m.matches()) {
                assertThat(i).as(m.group(1) + " has a comment").isPositive();
                assertThat(lines.get(i - 1)).as("the line above " + m.group(1)).startsWith("#");
                example.put(m.group(1), m.group(2));
            }
        }
        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("(?<!\\$)\\$\\{([A-Z][A-Z0-9_]*)")
                .matcher(read("compose.yaml") + read("docker/compose.jvm.yaml"));
        while (m.find()) {
            used.add(m.group(1));
        }
        assertThat(example.keySet()).containsExactlyInAnyOrderElementsOf(used);
        // Settings of the service are real settings here too.
        for (String name : example.keySet()) {
            if (name.startsWith("API_ACCESS_")) {
                assertThat(isApiAccessSetting(name)).as(name).isTrue();
            }
        }
        // Secrets that compose requires (${X:?...}) have no published default.
        Matcher required = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):\\?").matcher(read("compose.yaml"));
        while (required.find()) {
            assertThat(example.get(required.group(1)))
                    .as(required.group(1) + " is blank in .env.example")
                    .isEmpty();
        }
        assertThat(read(".gitignore").lines()).contains(".env");
    }

    @Test
    void makeDockerBuildsTheImagesComposeRunsAndMakeUpStartsCompose() {
        String makefile = read("Makefile");
        Map<String, String> built = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^\\tdocker build -f (docker/Dockerfile\\.\\w+) -t (\\S+) \\.$")
                .matcher(makefile);
        while (m.find()) {
            built.put(m.group(1), m.group(2));
        }
        assertThat(built)
                .containsOnlyKeys("docker/Dockerfile.native", "docker/Dockerfile.jvm", "docker/Dockerfile.frontend");
        assertThat(defaultOf(get(COMPOSE, "services", "backend", "image")))
                .isEqualTo(built.get("docker/Dockerfile.native"));
        assertThat(defaultOf(get(JVM, "services", "backend", "image"))).isEqualTo(built.get("docker/Dockerfile.jvm"));
        assertThat(defaultOf(get(COMPOSE, "services", "frontend", "image")))
                .isEqualTo(built.get("docker/Dockerfile.frontend"));

        assertThat(makefile)
                .containsPattern("\\n# [^\\n]+\\ndocker:\\n\\tdocker build ")
                .containsPattern("\\n# [^\\n]+\\nup:\\n\\tdocker compose up -d\\n");
        // docker/ is a directory: without .PHONY, `make docker` would find it "up to date".
        Matcher phony = Pattern.compile("\\.PHONY:([^\\n]*)").matcher(makefile);
        Set<String> phonies = new TreeSet<>();
        while (phony.find()) {
            phonies.addAll(List.of(phony.group(1).trim().split("\\s+")));
        }
        assertThat(phonies).contains("docker", "up");
    }

    // ------------------------------------------------------------------------------------------------

    private static Map<String, String> backendEnvironment() {
        return environment(get(COMPOSE, "services", "backend", "environment"));
    }

    /** A service's environment, as a map whether compose.yaml writes a map or a list. */
    private static Map<String, String> environment(Object node) {
        Map<String, String> env = new LinkedHashMap<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(k.toString(), v == null ? null : v.toString()));
        } else if (node instanceof List<?> list) {
            for (Object item : list) {
                String[] kv = item.toString().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : null);
            }
        }
        return env;
    }

    /** "${X:-default}" to "default". */
    private static String defaultOf(String value) {
        Matcher m = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}").matcher(value);
        return m.matches() ? m.group(1) : value;
    }

    private static Duration duration(String compose) {
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h)").matcher(compose.toLowerCase(Locale.ROOT));
        assertThat(m.matches()).as("a compose duration: " + compose).isTrue();
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
