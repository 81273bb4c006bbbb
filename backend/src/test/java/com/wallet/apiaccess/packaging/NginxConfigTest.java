package com.wallet.apiaccess.packaging;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.wallet.apiaccess.packaging.Packaging.read;
import static com.wallet.apiaccess.packaging.Packaging.securityHeaders;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker/nginx.conf, the console on its own nginx, against the service: the same security headers on
 * every answer, the same paths sent to the service as the Vite dev server and the service's own SPA
 * fallback leave to it, and deep links that load index.html.
 */
class NginxConfigTest {

    private static final String CONF = read("docker/nginx.conf");

    @Test
    void theSecurityHeadersAreTheServicesOwnSentOnEveryAnswer() {
        Map<String, String> service = securityHeaders();
        assertThat(service).containsKeys("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options");

        Map<String, String> nginx = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\\n\\s*add_header\\s+(\\S+)\\s+\"([^\"]*)\"(\\s+always)?;").matcher(CONF);
        while (m.find()) {
            assertThat(m.group(3)).as(m.group(1) + " also on errors: 'always'").isNotNull();
            nginx.put(m.group(1), m.group(2));
        }
        assertThat(nginx).isEqualTo(service);
    }

    @Test
    void noLocationSetsHeadersOfItsOwnSoEveryOneInheritsTheServers() {
        // nginx drops the server's add_header in a location that has any add_header of its own.
        for (String body : locations().values()) {
            assertThat(body).doesNotContain("add_header");
        }
    }

    @Test
    void theServicesPathsAreProxiedAndTheServicesCopiesOfTheHeadersDropped() {
        List<String> proxying = locations().entrySet().stream().filter(e -> e.getValue().contains("proxy_pass"))
                .map(Map.Entry::getKey).toList();
        assertThat(proxying).as("one location sends to the service").hasSize(1);
        String proxied = proxying.get(0);
        Matcher prefixes = Pattern.compile("~ \\^/\\(([^)]+)\\)/").matcher(proxied);
        assertThat(prefixes.find()).as("location ~ ^/(a|b|c)/ : " + proxied).isTrue();
        Set<String> nginx = new TreeSet<>(Arrays.asList(prefixes.group(1).replace("\\.", ".").split("\\|")));

        // What the Vite dev server proxies, less /q (health, metrics, OpenAPI stay off the console's origin).
        Matcher vite = Pattern.compile("const proxied = \\[([^]]+)]").matcher(read("frontend/vite.config.ts"));
        assertThat(vite.find()).isTrue();
        Set<String> dev = new TreeSet<>();
        for (String item : vite.group(1).split(",")) {
            dev.add(item.trim().replace("'", "").substring(1));
        }
        dev.remove("q");
        assertThat(nginx).isEqualTo(dev);

        // What the service's own SPA fallback leaves to the API, less q.
        String fallback = read("backend/src/main/java/com/wallet/apiaccess/console/SpaFallbackRoute.java");
        Set<String> service = new TreeSet<>();
        Matcher excluded = Pattern.compile("(\\\\\\\\\\.)?([a-z0-9-]+)\\(\\?:/\\|\\$\\)").matcher(fallback);
        while (excluded.find()) {
            service.add((excluded.group(1) != null ? "." : "") + excluded.group(2));
        }
        service.remove("q");
        assertThat(nginx).isEqualTo(service);

        String body = locations().get(proxied);
        assertThat(body).contains("proxy_pass $backend;");
        assertThat(CONF).contains("set $backend \"${BACKEND_URL}\";");
        // The service counts failed sign-ins per address: the proxy replaces what the client claims.
        assertThat(body).contains("proxy_set_header X-Forwarded-For $remote_addr;").doesNotContain("$proxy_add_x_forwarded_for");
        for (String header : securityHeaders().keySet()) {
            assertThat(body).contains("proxy_hide_header " + header + ";");
        }
    }

    @Test
    void deepLinksLoadIndexHtmlAndTheServicesInternalsAreNotServed() {
        assertThat(locations().get("/")).contains("try_files $uri /index.html;");
        assertThat(locations().get("/q/")).contains("return 404;");
        assertThat(locations().get("/assets/")).contains("try_files $uri =404;");
    }

    /** Each location's argument (e.g. "/", "~ ^/(api)/") and body; nginx.conf nests no blocks in them. */
    private static Map<String, String> locations() {
        Map<String, String> locations = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\\n\\s*location\\s+([^{]+?)\\s*\\{([^}]*)}").matcher(CONF);
        List<String> seen = new ArrayList<>();
        while (m.find()) {
            seen.add(m.group(1));
            locations.put(m.group(1), m.group(2));
        }
        assertThat(seen).doesNotHaveDuplicates();
        return locations;
    }
}
