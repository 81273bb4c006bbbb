package com.wallet.apiaccess.packaging;

import com.sun.net.httpserver.HttpServer;
import com.wallet.apiaccess.packaging.Packaging.Instruction;
import com.wallet.apiaccess.packaging.Packaging.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.wallet.apiaccess.packaging.Packaging.dockerfile;
import static com.wallet.apiaccess.packaging.Packaging.file;
import static com.wallet.apiaccess.packaging.Packaging.finalStage;
import static com.wallet.apiaccess.packaging.Packaging.httpPort;
import static com.wallet.apiaccess.packaging.Packaging.managementPort;
import static com.wallet.apiaccess.packaging.Packaging.read;
import static com.wallet.apiaccess.packaging.Packaging.spaOutputDir;
import static com.wallet.apiaccess.packaging.Packaging.stage;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker/Dockerfile.jvm, .native and .frontend against what the build and the service really do: the
 * SPA's output directory, the fast-jar layout, the native profile, the ports and the health probe.
 * No Docker engine runs here: LintersTest lints the files, this test holds the facts the images rely
 * on, and runs the health probe itself against a stand-in of the management interface.
 */
class DockerfilesTest {

    private static final String JVM = "docker/Dockerfile.jvm";
    private static final String NATIVE = "docker/Dockerfile.native";
    private static final String FRONTEND = "docker/Dockerfile.frontend";
    private static final String PROBE = "/usr/local/bin/health-probe";

    @ParameterizedTest
    @ValueSource(strings = {JVM, NATIVE, FRONTEND})
    void everyStageIsPinnedToATagAndTheLastRunsAsANonRootUser(String path) {
        List<Stage> stages = dockerfile(path);
        assertThat(stages).hasSizeGreaterThanOrEqualTo(2);
        for (Stage stage : stages) {
            assertThat(stage.image())
                    .as("%s: FROM %s", path, stage.image())
                    .matches("[^:@]+(:[^:]+|@sha256:[0-9a-f]{64})")
                    .doesNotEndWith(":latest");
        }
        Instruction user = finalStage(stages).last("USER");
        assertThat(user).as("%s: USER in the final stage", path).isNotNull();
        String uid = user.args().trim().split(":")[0];
        assertThat(uid)
                .as(path + ": a numeric uid, so runtimes can check it is not root")
                .matches("\\d+");
        assertThat(Integer.parseInt(uid)).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {JVM, NATIVE, FRONTEND})
    void theSpaIsBuiltWithNpmCiAndCopiedFromWhereViteWritesIt(String path) {
        List<Stage> stages = dockerfile(path);
        Stage spa = stage(stages, "spa");
        assertThat(spa.image()).startsWith("node:" + nodeMajor() + "-");
        assertThat(spa.runs()).contains("npm ci");
        assertThat(spa.workdir()).endsWith("/frontend");
        // vite.config.ts writes to ../backend/...: in the image that is next to the stage's frontend/.
        String output =
                Path.of(spa.workdir()).getParent().resolve(spaOutputDir()).toString();
        List<String> fromSpa = copiesFrom(stages, "spa");
        assertThat(fromSpa)
                .as(path + ": the SPA is copied from vite's outDir")
                .isNotEmpty()
                .allSatisfy(source -> assertThat(stripSlash(source)).isEqualTo(output));
    }

    @Test
    void nodeOfTheImagesIsAnActiveLtsThatSatisfiesPackageJsonEngines() {
        Matcher engines = Pattern.compile("\"node\":\\s*\">=(\\d+)\\.(\\d+)").matcher(read("frontend/package.json"));
        assertThat(engines.find()).as("engines.node in frontend/package.json").isTrue();
        assertThat(Integer.parseInt(nodeMajor())).isGreaterThanOrEqualTo(Integer.parseInt(engines.group(1)));
        // Node 20 reached its end of life in April 2026; 24 is the LTS.
        assertThat(Integer.parseInt(nodeMajor()))
                .isGreaterThanOrEqualTo(24)
                .matches(major -> major % 2 == 0, "an LTS line");
        for (String path : List.of(JVM, NATIVE, FRONTEND)) {
            assertThat(stage(dockerfile(path), "spa").image()).as(path).startsWith("node:" + nodeMajor() + "-");
        }
    }

    @Test
    void theJvmImageBuildsWithTheWrapperAndRunsTheFastJarAsUser185() {
        List<Stage> stages = dockerfile(JVM);
        Stage build = stage(stages, "build");
        assertThat(build.runs()).contains("./mvnw").contains("package");
        // The SPA lands in the backend's static resources, as `npm run build` does outside Docker.
        String backendRelative =
                Path.of("backend").relativize(Path.of(spaOutputDir())).toString();
        assertThat(targetsOfCopiesFrom(build, "spa")).containsExactly(backendRelative + "/");

        Stage run = finalStage(stages);
        assertThat(run.image()).isEqualTo("eclipse-temurin:25-jre");
        assertThat(run.last("USER").args().trim()).startsWith("185");
        String app = build.workdir() + "/target/quarkus-app/";
        assertThat(copiesFrom(stages, "build"))
                .containsExactly(app + "lib/", app + "*.jar", app + "app/", app + "quarkus/");
        for (Instruction copy : run.all("COPY")) {
            if ("build".equals(copy.flag("from"))) {
                assertThat(copy.flag("chown")).startsWith("185");
            }
        }
        assertThat(String.join(
                        " ", run.all("ENV").stream().map(Instruction::args).toList()))
                .contains("JAVA_OPTS=")
                .contains("-Dquarkus.http.host=0.0.0.0");
        // exec: java is PID 1 and gets SIGTERM itself, so readiness goes down and the service drains.
        assertThat(run.last("ENTRYPOINT").args())
                .containsPattern("exec java \\$JAVA_OPTS .*-jar /deployments/quarkus-run.jar");
        assertThat(targetsOfCopiesFrom(run, "build")).contains("/deployments/");
    }

    @Test
    void theQuarkusAppLayoutIsTheDefaultFastJar() throws Exception {
        Properties properties = Packaging.applicationProperties();
        assertThat(properties.getProperty("quarkus.package.jar.type", "fast-jar"))
                .isEqualTo("fast-jar");
        assertThat(properties.getProperty("quarkus.package.output-directory")).isNull();
        assertThat(read("backend/pom.xml"))
                .doesNotContain("quarkus.package.jar.type")
                .doesNotContain("quarkus.package.output-directory");
        // When a build has run here, the layout is the one the Dockerfile copies.
        Path app = file("backend/target/quarkus-app");
        if (Files.isDirectory(app)) {
            assertThat(app.resolve("quarkus-run.jar")).isRegularFile();
            assertThat(app.resolve("lib")).isDirectory();
            assertThat(app.resolve("app")).isDirectory();
            assertThat(app.resolve("quarkus")).isDirectory();
        }
    }

    @Test
    void theNativeImageBuildsWithTheNativeProfileAndRunsOnTheMicroImageOfTheSameUbi() throws Exception {
        List<Stage> stages = dockerfile(NATIVE);
        Stage build = stage(stages, "build");
        assertThat(build.image()).startsWith("quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-");
        assertThat(build.runs()).contains("./mvnw").contains(" -Dnative");
        assertThat(nativeProfile())
                .as("the pom's native profile, activated by -Dnative")
                .containsEntry("activation", "native")
                .containsEntry("quarkus.native.enabled", "true")
                .containsEntry("quarkus.package.jar.enabled", "false");
        String backendRelative =
                Path.of("backend").relativize(Path.of(spaOutputDir())).toString();
        assertThat(targetsOfCopiesFrom(build, "spa")).containsExactly(backendRelative + "/");

        Stage run = finalStage(stages);
        // The executable links against the builder's glibc: UBI 9 on both sides.
        assertThat(run.image()).isEqualTo("quay.io/quarkus/ubi9-quarkus-micro-image:2.0");
        assertThat(copiesFrom(stages, "build")).containsExactly(build.workdir() + "/target/*-runner");
        // The failsafe tests run the same file: ${project.build.finalName}-runner.
        assertThat(read("backend/pom.xml")).contains("${project.build.finalName}-runner");
        assertThat(run.last("USER").args().trim()).startsWith("185");
        assertThat(run.last("ENTRYPOINT").args()).contains("./application").contains("-Dquarkus.http.host=0.0.0.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {JVM, NATIVE})
    void theServiceImagesExposeTheHttpAndManagementPortsAndCheckReadiness(String path) {
        Stage run = finalStage(dockerfile(path));
        assertThat(run.last("EXPOSE").words())
                .containsExactly(Integer.toString(httpPort()), Integer.toString(managementPort()));
        assertThat(run.last("HEALTHCHECK").args()).contains("CMD [\"" + PROBE + "\"]");
        assertThat(run.all("COPY").stream().map(Instruction::words))
                .as(path + " installs the probe")
                .contains(List.of("docker/health-probe.sh", PROBE));
    }

    @Test
    void theProbeAsksReadinessOnTheManagementPortAndPassesOnlyOn200() throws Exception {
        assertThat(Files.isExecutable(file("docker/health-probe.sh"))).isTrue();
        // Its default is the prod management port; QUARKUS_MANAGEMENT_PORT (the setting's env name) moves both.
        assertThat(read("docker/health-probe.sh")).contains("${QUARKUS_MANAGEMENT_PORT:-" + managementPort() + "}");
        // /q/health/ready is Quarkus' default path: nothing moves it, and a test of the service calls it.
        Properties properties = Packaging.applicationProperties();
        for (String key : List.of(
                "quarkus.http.root-path",
                "quarkus.http.non-application-root-path",
                "quarkus.management.root-path",
                "quarkus.smallrye-health.root-path",
                "quarkus.smallrye-health.readiness-path",
                "quarkus.smallrye-health.liveness-path")) {
            assertThat(properties.getProperty(key)).as(key).isNull();
            assertThat(properties.getProperty("%prod." + key))
                    .as("%prod." + key)
                    .isNull();
        }
        // Run it, as the images do, against a stand-in of the management interface.
        AtomicInteger status = new AtomicInteger(200);
        List<String> asked = new CopyOnWriteArrayList<>();
        HttpServer management = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        management.createContext("/", exchange -> {
            asked.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        management.start();
        try {
            int port = management.getAddress().getPort();
            assertThat(probe(port)).as("ready").isZero();
            status.set(503);
            assertThat(probe(port)).as("not ready").isNotZero();
            assertThat(asked).containsOnly("GET /q/health/ready");
        } finally {
            management.stop(0);
        }
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            int nobody = closed.getLocalPort();
            closed.close();
            assertThat(probe(nobody)).as("nothing listening").isNotZero();
        }
    }

    private static int probe(int port) throws Exception {
        ProcessBuilder probe =
                new ProcessBuilder("bash", file("docker/health-probe.sh").toString()).redirectErrorStream(true);
        probe.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(port));
        Process process = probe.start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    @Test
    void theFrontendImageServesTheSpaFromNginxConfsRootAndListensOnWhatItExposes() {
        List<Stage> stages = dockerfile(FRONTEND);
        Stage run = finalStage(stages);
        assertThat(run.image()).startsWith("nginxinc/nginx-unprivileged:");
        String nginx = read("docker/nginx.conf");
        Matcher root = Pattern.compile("\\n\\s*root\\s+(\\S+);").matcher(nginx);
        assertThat(root.find()).isTrue();
        assertThat(targetsOfCopiesFrom(run, "spa")).containsExactly(root.group(1) + "/");
        Matcher listen = Pattern.compile("\\n\\s*listen\\s+(\\d+);").matcher(nginx);
        assertThat(listen.find()).isTrue();
        assertThat(run.last("EXPOSE").args().trim()).isEqualTo(listen.group(1));
        // The image's entrypoint turns /etc/nginx/templates/*.template into conf.d/*.
        assertThat(run.all("COPY").stream().map(Instruction::words))
                .contains(List.of("docker/nginx.conf", "/etc/nginx/templates/default.conf.template"));
        // Every ${VAR} of the template has a value: BACKEND_URL from ENV, the resolvers from the entrypoint.
        String env =
                String.join(" ", run.all("ENV").stream().map(Instruction::args).toList());
        assertThat(env)
                .contains("BACKEND_URL=http://backend:" + httpPort())
                .contains("NGINX_ENTRYPOINT_LOCAL_RESOLVERS=1");
    }

    @ParameterizedTest
    @ValueSource(strings = {JVM, NATIVE, FRONTEND})
    void whatTheImagesCopyFromTheContextExistsAndIsNotIgnored(String path) throws Exception {
        List<String> ignored = Files.readAllLines(file(path + ".dockerignore")).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        assertThat(ignored)
                .as(path + ".dockerignore keeps local builds and secrets out")
                .contains(".env", "**/node_modules", "**/target", "docker/secrets", spaOutputDir());
        for (Stage stage : dockerfile(path)) {
            for (Instruction copy : stage.all("COPY")) {
                if (copy.flag("from") != null) {
                    continue;
                }
                List<String> words = copy.words();
                for (String source : words.subList(0, words.size() - 1)) {
                    assertThat(file(source)).as(path + ": COPY " + source).exists();
                    for (String pattern : ignored) {
                        assertThat(stripSlash(source).startsWith(pattern))
                                .as(source + " is ignored by " + pattern)
                                .isFalse();
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------

    private static String nodeMajor() {
        Matcher m = Pattern.compile("FROM node:(\\d+)").matcher(read(JVM));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** Sources of every COPY --from=stage in the Dockerfile. */
    private static List<String> copiesFrom(List<Stage> stages, String from) {
        List<String> sources = new ArrayList<>();
        for (Stage stage : stages) {
            for (Instruction copy : stage.all("COPY")) {
                if (from.equals(copy.flag("from"))) {
                    List<String> words = copy.words();
                    sources.addAll(words.subList(0, words.size() - 1));
                }
            }
        }
        return sources;
    }

    private static List<String> targetsOfCopiesFrom(Stage stage, String from) {
        return stage.all("COPY").stream()
                .filter(c -> from.equals(c.flag("from")))
                .map(c -> c.words().get(c.words().size() - 1))
                .distinct()
                .toList();
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The pom's native profile: its activation property and its properties. */
    private static java.util.Map<String, String> nativeProfile() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(file("backend/pom.xml").toFile());
        NodeList profiles = pom.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if (!"native".equals(text(profile, "id"))) {
                continue;
            }
            java.util.Map<String, String> facts = new java.util.LinkedHashMap<>();
            Element activation =
                    (Element) profile.getElementsByTagName("activation").item(0);
            if (activation != null) {
                facts.put("activation", text(activation, "name"));
            }
            Element properties =
                    (Element) profile.getElementsByTagName("properties").item(0);
            NodeList children = properties.getChildNodes();
            for (int j = 0; j < children.getLength(); j++) {
                if (children.item(j) instanceof Element e) {
                    facts.put(e.getTagName(), e.getTextContent().trim());
                }
            }
            return facts;
        }
        throw new AssertionError("no native profile in backend/pom.xml");
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }
}
