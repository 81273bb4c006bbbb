package com.wallet.apiaccess.docs;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every link in README.md, docs/*.md and frontend/README.md resolves inside the repository: the file
 * exists, and its {@code #anchor} is one of that file's headings as GitHub slugs them. Nothing links
 * to {@code ../shared}, which is outside the repository. Plain JUnit: no service is started. Tests run
 * from {@code backend/}, so the repository root is {@code ..}.
 */
@Tag("unit")
class DocsLinksTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** {@code [text](target)} and {@code ![alt](target)}, with an optional title after the target. */
    private static final Pattern INLINE_LINK =
            Pattern.compile("!?\\[(?:[^\\[\\]]|\\[[^\\[\\]]*\\])*\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** {@code [label]: target} reference definitions. */
    private static final Pattern REFERENCE = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s+.*)?$");

    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+).*?\\1");
    private static final Pattern EXTERNAL = Pattern.compile("^(?i)(https?:|mailto:).*");

    record Link(Path file, int line, String target) {
        @Override
        public String toString() {
            return ROOT.relativize(file) + ":" + line + " → " + target;
        }
    }

    @Test
    void everyLinkOfTheDocsResolvesInsideTheRepository() {
        List<String> broken = new ArrayList<>();
        for (Path file : documents()) {
            for (Link link : links(file)) {
                String problem = check(link);
                if (problem != null) {
                    broken.add(link + ": " + problem);
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void shouldCheckTheReadmeTheDocsAndTheConsoleReadme() {
        List<String> names = documents().stream()
                .map(p -> ROOT.relativize(p).toString().replace('\\', '/'))
                .toList();
        assertThat(names).contains("README.md", "frontend/README.md", "docs/api.md");
    }

    @Test
    void shouldSlugHeadingsAsGitHubDoes() {
        assertThat(slug("Who may do what, and the tests that prove it"))
                .isEqualTo("who-may-do-what-and-the-tests-that-prove-it");
        assertThat(slug("The `q` search: **fast** & exact (V6)")).isEqualTo("the-q-search-fast--exact-v6");
        assertThat(slug("Configuration → Behind a proxy")).isEqualTo("configuration--behind-a-proxy");
        assertThat(slug("api-access.token.client_cache")).isEqualTo("api-accesstokenclient_cache");
        assertThat(slug("[The contract](docs/api.md)")).isEqualTo("the-contract");
    }

    @Test
    void shouldFindWhatIsBroken() throws IOException {
        Path dir = Files.createTempDirectory(Files.createDirectories(ROOT.resolve("backend/target")), "docs-links");
        Path page = dir.resolve("page.md");
        Files.writeString(page, """
                # A page
                ## A page
                [fine](#a-page) [fine too](#a-page-1) [missing anchor](#nowhere) [missing file](nope.md)
                [outside](../../../shared/API.md) [external](https://example.com/x) `[in code](nope.md)`
                ```
                [in a fence](nope.md)
                ```
                [ref]: other.md
                """);
        List<String> problems =
                links(page).stream().map(l -> l.target() + " " + check(l)).toList();
        Files.delete(page);
        Files.delete(dir);
        assertThat(problems)
                .containsExactly(
                        "#a-page null",
                        "#a-page-1 null",
                        "#nowhere no heading #nowhere in backend/target/" + dir.getFileName() + "/page.md",
                        "nope.md no such file",
                        "../../../shared/API.md points outside the repository (../shared)",
                        "https://example.com/x null",
                        "other.md no such file");
    }

    private static List<Path> documents() {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        files.add(ROOT.resolve("frontend/README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The links of a markdown file, outside code blocks and code spans. */
    static List<Link> links(Path file) {
        List<Link> links = new ArrayList<>();
        boolean inFence = false;
        List<String> lines = read(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            String text = CODE_SPAN.matcher(line).replaceAll("");
            Matcher reference = REFERENCE.matcher(text);
            if (reference.matches()) {
                links.add(new Link(file, i + 1, reference.group(1)));
                continue;
            }
            Matcher inline = INLINE_LINK.matcher(text);
            while (inline.find()) {
                links.add(new Link(file, i + 1, inline.group(1)));
            }
        }
        return links;
    }

    /** What is wrong with a link, or null when it resolves. */
    static String check(Link link) {
        String target = link.target();
        if (target.contains("../shared")) {
            return "points outside the repository (../shared)";
        }
        if (EXTERNAL.matcher(target).matches()) {
            return null;
        }
        if (target.isEmpty()) {
            return "empty target";
        }
        if (target.contains(":") && !target.startsWith("#") && target.indexOf(':') < firstOf(target, '/', '#')) {
            return "a scheme other than http(s) or mailto";
        }
        if (target.startsWith("/")) {
            return "an absolute path; use one relative to the file";
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
        Path resolved = path.isEmpty()
                ? link.file()
                : link.file()
                        .getParent()
                        .resolve(URLDecoder.decode(path, StandardCharsets.UTF_8))
                        .normalize();
        if (!resolved.startsWith(ROOT)) {
            return "points outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor != null) {
            if (!resolved.toString().endsWith(".md")) {
                return "an anchor in a file that is not markdown";
            }
            if (!anchors(resolved).contains(anchor)) {
                return "no heading #" + anchor + " in "
                        + ROOT.relativize(resolved).toString().replace('\\', '/');
            }
        }
        return null;
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return Math.min(i < 0 ? Integer.MAX_VALUE : i, j < 0 ? Integer.MAX_VALUE : j);
    }

    /** The anchors GitHub gives a file's headings (duplicates get -1, -2, …), and explicit HTML anchors. */
    static Set<String> anchors(Path file) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean inFence = false;
        for (String line : read(file)) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            Matcher html = HTML_ANCHOR.matcher(line);
            while (html.find()) {
                anchors.add(html.group(1));
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(2));
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
        }
        return anchors;
    }

    /**
     * GitHub's heading anchor: the rendered text in lower case, without anything but letters, digits,
     * spaces, hyphens and underscores, spaces as hyphens.
     */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1") // links: their text
                .replaceAll("<[^>]+>", "") // HTML tags
                .replace("`", "")
                .replace("*", "");
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "")
                .replace(' ', '-');
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
