package com.wallet.apiaccess.packaging;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.wallet.apiaccess.packaging.Packaging.file;
import static com.wallet.apiaccess.packaging.Packaging.read;
import static org.assertj.core.api.Assertions.assertThat;

/** Every file of the repository that the packaging files name, in code or in a comment, exists. */
class ReferencesTest {

    /** A repository path: it starts with a top-level directory or file of the repository. */
    private static final Pattern PATH = Pattern.compile(
            "(?<=^|[\\s\"'`(=:])(?:\\./)?((?:docker|backend|frontend|bench|docs|\\.ci|\\.github)/[\\w./-]++"
                    + "|README\\.md|compose\\.yaml|Makefile|\\.env\\.example)(?![\\w*${])",
            Pattern.MULTILINE);
    /** Names that look like paths and are not: actions (docker/login-action) and the Dockerfile syntax image. */
    private static final Pattern NOT_A_PATH = Pattern.compile("docker/[\\w-]+-action|docker/dockerfile");

    @Test
    void everyRepositoryPathThatThePackagingFilesNameExists() throws IOException {
        List<String> sources = new ArrayList<>(
                List.of("compose.yaml", ".env.example", ".ci/run", "Makefile", ".github/dependabot.yml"));
        sources.addAll(LintersTest.files("docker", ""));
        sources.addAll(LintersTest.files(".github/workflows", ".yml"));
        // The .dockerignore files name build outputs on purpose.
        sources.removeIf(source -> Files.isDirectory(file(source)) || source.endsWith(".dockerignore"));
        Set<String> missing = new TreeSet<>();
        int named = 0;
        for (String source : sources) {
            Matcher m = PATH.matcher(read(source));
            while (m.find()) {
                String path = m.group(1).replaceAll("[/.]+$", "");
                // Build outputs and keys the operator makes (git-ignored), and docs/ while it is written on
                // its own branch.
                if (NOT_A_PATH.matcher(path).matches()
                        || ignoredByGit(path)
                        || (path.startsWith("docs/") && !Files.isDirectory(file("docs")))) {
                    continue;
                }
                named++;
                if (!Files.exists(file(path))) {
                    missing.add(source + " names " + path);
                }
            }
        }
        assertThat(named).as("paths found").isGreaterThan(20);
        assertThat(missing).isEmpty();
    }

    /** True when git ignores the path (an output of a build or a file the operator makes); false without git. */
    private static boolean ignoredByGit(String path) {
        return ignoredByGit(path, "") || ignoredByGit(path, "/");
    }

    private static boolean ignoredByGit(String path, String suffix) {
        if (!Files.exists(file(".git"))) {
            return path.startsWith("docker/secrets/") || path.contains("/target/");
        }
        try {
            Process git = new ProcessBuilder("git", "check-ignore", "-q", "--no-index", path + suffix)
                    .directory(file(".").toFile())
                    .redirectErrorStream(true)
                    .start();
            git.getInputStream().readAllBytes();
            return git.waitFor() == 0;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
