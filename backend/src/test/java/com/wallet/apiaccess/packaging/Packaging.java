package com.wallet.apiaccess.packaging;

import com.wallet.apiaccess.config.ApiAccessConfig;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the packaging files (docker/, compose.yaml, .github/, Makefile) and the application's own
 * configuration, so that the packaging tests can compare the facts one relies on with the other.
 * Nothing here runs Docker: there is no engine where these tests run.
 */
final class Packaging {

    private Packaging() {}

    /** The repository's root: the nearest directory up from the working directory with backend/ and frontend/. */
    static Path root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("backend")) && Files.isDirectory(d.resolve("frontend"))) {
                return d;
            }
        }
        throw new IllegalStateException("No repository root (with backend/ and frontend/) above " + dir);
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A YAML file as maps and lists. YAML 1.1 reads the key {@code on} as {@code true}; see {@link #get}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String relative) {
        Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(read(relative));
        if (!(doc instanceof Map)) {
            throw new IllegalStateException(relative + " is not a YAML mapping");
        }
        return (Map<String, Object>) doc;
    }

    /** The value at a path of keys; a key "on" also finds YAML 1.1's boolean true. */
    @SuppressWarnings("unchecked")
    static <T> T get(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            Object next = map.get(key);
            if (next == null && key.equals("on")) {
                next = map.get(Boolean.TRUE);
            }
            current = next;
        }
        return (T) current;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object node, String... keys) {
        Object value = get(node, keys);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    /** backend/src/main/resources/application.properties, as written (no profile resolution). */
    static Properties applicationProperties() {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(read("backend/src/main/resources/application.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static int httpPort() {
        return Integer.parseInt(
                applicationProperties().getProperty("quarkus.http.port").trim());
    }

    /**
     * The port of the management interface in the prod profile, where /q (health, metrics, OpenAPI) is
     * served instead of on {@link #httpPort()}; Quarkus' default 9000 unless application.properties moves it.
     */
    static int managementPort() {
        Properties properties = applicationProperties();
        if (!"true"
                .equals(properties
                        .getProperty("%prod.quarkus.management.enabled", "")
                        .trim())) {
            throw new AssertionError("%prod.quarkus.management.enabled=true is missing from application.properties");
        }
        return Integer.parseInt(properties
                .getProperty("%prod.quarkus.management.port", properties.getProperty("quarkus.management.port", "9000"))
                .trim());
    }

    /** A duration of application.properties: ISO-8601 (PT5S), seconds (30) or Quarkus' short form (30s, 500ms). */
    static java.time.Duration quarkusDuration(String value) {
        String t = value.trim();
        if (t.toUpperCase(Locale.ROOT).startsWith("P")) {
            return java.time.Duration.parse(t);
        }
        if (t.matches("\\d+")) {
            return java.time.Duration.ofSeconds(Long.parseLong(t));
        }
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h)").matcher(t.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new AssertionError("not a duration: " + value);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> java.time.Duration.ofMillis(n);
            case "s" -> java.time.Duration.ofSeconds(n);
            case "m" -> java.time.Duration.ofMinutes(n);
            default -> java.time.Duration.ofHours(n);
        };
    }

    /** The security headers the service sends: name to value. */
    static Map<String, String> securityHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        Pattern header = Pattern.compile("quarkus\\.http\\.header\\.\"([^\"]+)\"\\.value");
        Pattern csp = Pattern.compile("quarkus\\.http\\.filter\\.csp\\.header\\.\"([^\"]+)\"");
        Properties properties = applicationProperties();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            Matcher m = header.matcher(key);
            Matcher c = csp.matcher(key);
            if (m.matches()) {
                headers.put(m.group(1), properties.getProperty(key).trim());
            } else if (c.matches()) {
                headers.put(c.group(1), properties.getProperty(key).trim());
            }
        }
        return headers;
    }

    /** Environment variables that application.properties reads by name: {@code ${DB_USERNAME:postgres}}. */
    static Set<String> envReferencedByApplicationProperties() {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}")
                .matcher(read("backend/src/main/resources/application.properties"));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The environment variable of a configuration key, by MicroProfile Config's rule. */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /**
     * The environment variables of every {@code api-access.*} setting, from {@link ApiAccessConfig} itself:
     * exact names for plain settings, and prefixes (ending in "_") for indexed lists and maps.
     */
    static Set<String> apiAccessEnvNames() {
        Set<String> names = new TreeSet<>();
        collect(ApiAccessConfig.class, "api-access", names, new LinkedHashSet<>());
        return names;
    }

    private static void collect(Class<?> group, String prefix, Set<String> names, Set<Class<?>> seen) {
        if (!seen.add(group)) {
            return;
        }
        for (Method method : group.getMethods()) {
            if (method.isDefault()
                    || java.lang.reflect.Modifier.isStatic(method.getModifiers())
                    || method.getParameterCount() != 0
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            String key = method.isAnnotationPresent(WithParentName.class)
                    ? prefix
                    : prefix + "."
                            + (method.isAnnotationPresent(WithName.class)
                                    ? method.getAnnotation(WithName.class).value()
                                    : kebab(method.getName()));
            Type type = method.getGenericReturnType();
            Class<?> raw = rawClass(type);
            if (raw == Optional.class) {
                type = typeArgument(type, 0);
                raw = rawClass(type);
            }
            if (isGroup(raw)) {
                collect(raw, key, names, new LinkedHashSet<>(seen));
            } else if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
                names.add(isGroup(rawClass(typeArgument(type, 0))) ? envName(key) + "_" : envName(key));
            } else if (Map.class.isAssignableFrom(raw)) {
                names.add(envName(key) + "_");
            } else {
                names.add(envName(key));
            }
        }
    }

    /** True when an environment variable is one of {@link #apiAccessEnvNames()}, or under one of its prefixes. */
    static boolean isApiAccessSetting(String env) {
        for (String name : apiAccessEnvNames()) {
            if (name.endsWith("_") ? env.startsWith(name) : env.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The quarkus.* keys that README.md or application.properties name, as environment variables. */
    static Set<String> documentedQuarkusEnvNames() {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("quarkus\\.[a-z0-9][a-z0-9.\\-]*[a-z0-9]")
                .matcher(read("README.md") + "\n" + read("backend/src/main/resources/application.properties"));
        while (m.find()) {
            names.add(envName(m.group()));
        }
        return names;
    }

    private static boolean isGroup(Class<?> type) {
        return type.isInterface() && type.getName().startsWith("com.wallet.");
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments();
            return args[Math.min(index, args.length - 1)];
        }
        return Object.class;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------------------------------------
    // Dockerfiles
    // ------------------------------------------------------------------------------------------------

    record Instruction(String keyword, String args) {
        /** The value of a --flag, or null. */
        String flag(String name) {
            Matcher m = Pattern.compile("--" + Pattern.quote(name) + "=(\\S+)").matcher(args);
            return m.find() ? m.group(1) : null;
        }

        /** The arguments without the leading --flags, split on blanks. */
        List<String> words() {
            List<String> words = new ArrayList<>();
            for (String word : args.trim().split("\\s+")) {
                if (words.isEmpty() && word.startsWith("--")) {
                    continue;
                }
                words.add(word);
            }
            return words;
        }
    }

    record Stage(String image, String name, List<Instruction> instructions) {
        List<Instruction> all(String keyword) {
            return instructions.stream()
                    .filter(i -> i.keyword().equals(keyword))
                    .toList();
        }

        Instruction last(String keyword) {
            List<Instruction> matching = all(keyword);
            return matching.isEmpty() ? null : matching.get(matching.size() - 1);
        }

        String workdir() {
            Instruction w = last("WORKDIR");
            return w == null ? "/" : w.args().trim();
        }

        String runs() {
            return String.join("\n", all("RUN").stream().map(Instruction::args).toList());
        }
    }

    /** The stages of a Dockerfile, continuation lines joined and comments dropped. */
    static List<Stage> dockerfile(String relative) {
        List<Stage> stages = new ArrayList<>();
        StringBuilder logical = new StringBuilder();
        List<String> lines = new ArrayList<>();
        for (String line : read(relative).split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && logical.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                logical.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            logical.append(trimmed);
            if (!logical.isEmpty()) {
                lines.add(logical.toString());
            }
            logical.setLength(0);
        }
        for (String line : lines) {
            String[] parts = line.split("\\s+", 2);
            Instruction instruction =
                    new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : "");
            if (instruction.keyword().equals("FROM")) {
                List<String> words = instruction.words();
                String name = words.size() >= 3 && words.get(1).equalsIgnoreCase("AS") ? words.get(2) : null;
                stages.add(new Stage(words.get(0), name, new ArrayList<>()));
            } else if (stages.isEmpty()) {
                throw new IllegalStateException(relative + ": " + line + " before the first FROM");
            } else {
                stages.get(stages.size() - 1).instructions().add(instruction);
            }
        }
        return stages;
    }

    static Stage stage(List<Stage> stages, String name) {
        return stages.stream()
                .filter(s -> name.equals(s.name()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no stage named " + name));
    }

    static Stage finalStage(List<Stage> stages) {
        return stages.get(stages.size() - 1);
    }

    /**
     * Where vite.config.ts writes the SPA, relative to the repository's root
     * (e.g. backend/src/main/resources/META-INF/resources).
     */
    static String spaOutputDir() {
        Matcher m = Pattern.compile("outDir:\\s*'([^']+)'").matcher(read("frontend/vite.config.ts"));
        if (!m.find()) {
            throw new AssertionError("no outDir in frontend/vite.config.ts");
        }
        Path out = root().resolve("frontend").resolve(m.group(1)).normalize();
        return root().relativize(out).toString().replace('\\', '/');
    }
}
