package io.github.camelicloud.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pure mapping rules; no fixtures needed. */
class HostMappingTest {

    private static final String BASE = "http://127.0.0.1:4567";

    @Test
    void rootHostsKeepTheirPathsOtherHostsGoUnderHostPrefix() {
        String json = "{\"a\":\"https://idmsa.apple.com.cn/appleauth/auth/signin\",\"b\":\"https://setup.icloud.com/setup/ws/1/x\","
                + "\"c\":\"https://p33-ckdatabasews.icloud.com.cn:443\",\"d\":\"https://cvws.icloud-content.com/B/x/${f}?o=1\","
                + "\"e\":\"https://example.org:8443/p\",\"f\":\"http://plain.example.org/\"}";
        assertThat(HostMapping.rewriteOrigins(json, BASE)).isEqualTo("{\"a\":\"" + BASE + "/appleauth/auth/signin\","
                + "\"b\":\"" + BASE + "/setup/ws/1/x\",\"c\":\"" + BASE + "/_host/p33-ckdatabasews.icloud.com.cn\","
                + "\"d\":\"" + BASE + "/_host/cvws.icloud-content.com/B/x/${f}?o=1\","
                + "\"e\":\"" + BASE + "/_host/example.org:8443/p\",\"f\":\"http://plain.example.org/\"}");
    }

    @Test
    void recordedUrlsAndReceivedPathsMeetInOneForm() {
        HostMapping.Url url = HostMapping.Url.parse("https://CVWS.icloud-content.com:443/B/x/$%7Bf%7D?o=1&e=2");
        assertThat(url).isEqualTo(new HostMapping.Url("cvws.icloud-content.com", "/B/x/$%7Bf%7D", "o=1&e=2"));
        String recorded = HostMapping.normalizeLocalPath(HostMapping.localPath(url.host(), url.path()));
        assertThat(recorded).isEqualTo("/_host/cvws.icloud-content.com/B/x/${f}");
        assertThat(HostMapping.normalizeLocalPath("/_host/cvws.icloud-content.com/B/x/%24%7Bf%7D")).isEqualTo(recorded);
        assertThat(HostMapping.normalizeLocalPath("/_host/CVWS.icloud-content.com:443/B/x/$%7bf%7d")).isEqualTo(recorded);
        assertThat(HostMapping.Url.parse("https://idmsa.apple.com/appleauth/auth").path()).isEqualTo("/appleauth/auth");
        assertThat(HostMapping.localPath("idmsa.apple.com", "/appleauth/auth")).isEqualTo("/appleauth/auth");
        assertThat(HostMapping.decodePath("/a+b/%E2%82%AC")).isEqualTo("/a+b/\u20ac");
    }

    @Test
    void cookiesLoseDomainAndSecureOnly() {
        assertThat(ResponsePlayback.localCookie(
                "X-APPLE-WEBAUTH-USER=\"v=1:s=1:d=123\";Expires=Fri, 12-Jan-2024 05:06:31 GMT;Path=/;Domain=.icloud.com;Secure;HttpOnly"))
                .isEqualTo("X-APPLE-WEBAUTH-USER=\"v=1:s=1:d=123\"; Expires=Fri, 12-Jan-2024 05:06:31 GMT; Path=/; HttpOnly");
        assertThat(ResponsePlayback.localCookie("Secure=1; domain=apple.com; secure")).isEqualTo("Secure=1");
    }

    @Test
    void queryFeaturesScoreRecordTypeZoneAndFilters() {
        QueryFeatures indexing = QueryFeatures.of("{\"query\":{\"recordType\":\"CheckIndexingState\"},\"zoneID\":{\"zoneName\":\"PrimarySync\"}}");
        QueryFeatures page32 = QueryFeatures.of("{\"query\":{\"filterBy\":[{\"fieldName\":\"startRank\",\"fieldValue\":{\"value\":32}}],"
                + "\"recordType\":\"X\"},\"zoneID\":{\"zoneName\":\"PrimarySync\"}}");
        QueryFeatures page0 = QueryFeatures.of("{\"query\":{\"filterBy\":{\"fieldName\":\"startRank\",\"fieldValue\":{\"value\":0}},"
                + "\"recordType\":\"X\"},\"zoneID\":{\"zoneName\":\"PrimarySync\"}}");
        QueryFeatures batch = QueryFeatures.of("{\"batch\":[{\"query\":{\"recordType\":\"HyperionIndexCountLookup\"},\"zoneID\":{\"zoneName\":\"Z\"}}]}");
        assertThat(indexing.score(indexing)).isGreaterThan(page32.score(indexing));
        assertThat(page32.score(page32)).isGreaterThan(page0.score(page32));
        assertThat(batch).isEqualTo(new QueryFeatures("HyperionIndexCountLookup", "Z", java.util.Map.of()));
        assertThat(QueryFeatures.of("null")).isEqualTo(QueryFeatures.NONE);
        assertThat(QueryFeatures.of("not json")).isEqualTo(QueryFeatures.NONE);
    }
}
