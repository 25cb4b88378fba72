package io.github.camelicloud.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The copy-pasteable deployment files of docs/deploy: every YAML parses (the Kubernetes manifests and the routes,
 * also those inside the ConfigMap), the properties name the cluster's settings as this version reads them, the key
 * file is where the Secret is mounted, and the systemd unit restarts a node that halted.
 */
class DeployFilesTest {

    private static final Path DEPLOY = Path.of("docs/deploy");

    @Test
    void everyYamlParses() throws Exception {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            List<Path> yaml = files.filter(f -> f.toString().endsWith(".yaml")).toList();
            assertThat(yaml).hasSizeGreaterThanOrEqualTo(2);
            for (Path f : yaml) {
                List<Object> docs = new ArrayList<>();
                new Yaml().loadAll(Files.readString(f)).forEach(docs::add);
                assertThat(docs).as(f.toString()).isNotEmpty().doesNotContainNull();
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStatefulSetMountsTheKeyWhereThePropertiesLookAndRunsThreeNodes() throws Exception {
        List<Map<String, Object>> docs = new ArrayList<>();
        new Yaml().loadAll(Files.readString(DEPLOY.resolve("kubernetes/camel-icloud.yaml")))
                .forEach(d -> docs.add((Map<String, Object>) d));
        Map<String, Object> config = kind(docs, "ConfigMap");
        Map<String, String> data = (Map<String, String>) config.get("data");
        Properties properties = new Properties();
        properties.load(new StringReader(data.get("application.properties")));
        assertThat(properties).containsKeys(ClusterSettings.ZOOKEEPER, ClusterSettings.SHARDS, ClusterKey.KEY_FILE,
                "icloud.state.jdbc-url");
        assertThat((List<Object>) new Yaml().load(data.get("accounts.camel.yaml"))).hasSize(2);

        Map<String, Object> set = kind(docs, "StatefulSet");
        Map<String, Object> spec = (Map<String, Object>) set.get("spec");
        assertThat(spec.get("replicas")).isEqualTo(3);
        String mounts = spec.toString();
        Path keyFile = Path.of(properties.getProperty(ClusterKey.KEY_FILE));
        assertThat(mounts).contains("mountPath=" + keyFile.getParent()).contains("secretName=camel-icloud-key");
    }

    @Test
    void theSystemdNodeIsRestartedAfterItHalts() throws Exception {
        String unit = Files.readString(DEPLOY.resolve("systemd/camel-icloud.service"));
        assertThat(unit).contains("Restart=always").contains("ExecStart=/usr/bin/java");
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(DEPLOY.resolve("systemd/application.properties"))));
        assertThat(properties).containsKeys(ClusterSettings.ZOOKEEPER, ClusterSettings.NODE_ID, ClusterKey.KEY_FILE,
                "icloud.state.jdbc-url");
    }

    private static Map<String, Object> kind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).findFirst().orElseThrow();
    }
}
