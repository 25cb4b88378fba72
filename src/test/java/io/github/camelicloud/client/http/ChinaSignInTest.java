package io.github.camelicloud.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code --domain cn} (pyicloud #285): sign-in through idmsa.apple.com, the web app and setup on .com.cn. */
class ChinaSignInTest {

    @Test
    void chinaSignsInThroughIdmsaDotComAndStaysOnDotComDotCnForTheRest() {
        Endpoints cn = Endpoints.forDomain("cn");
        assertThat(cn.auth()).isEqualTo("https://idmsa.apple.com/appleauth/auth");
        assertThat(cn.authRoot()).isEqualTo("https://idmsa.apple.com");
        assertThat(cn.home()).isEqualTo("https://www.icloud.com.cn"); // Origin and OAuth redirect URI
        assertThat(cn.setup()).isEqualTo("https://setup.icloud.com.cn/setup/ws/1");
    }
}
