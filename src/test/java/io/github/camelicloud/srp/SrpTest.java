package io.github.camelicloud.srp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The test vectors of icloud-protocol.md §3.4, both sides of the exchange. */
class SrpTest {

    private static final String USER = "user@example.com";
    private static final String PASSWORD = "correct horse battery staple";
    private static final byte[] SALT = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
    private static final BigInteger A_SECRET = repeated(0x11);
    private static final BigInteger B_SECRET = repeated(0x22);

    @Test
    void kAndPublicAMatchTheReference() {
        assertThat(HexFormat.of().formatHex(Srp.min(Srp.K)))
                .isEqualTo("05b9e8ef059c6b32ea59fc1d322d37f04aa30bae5aa9003b8321e21ddb04e300");
        assertThat(b64(Srp.min(Srp.publicA(A_SECRET)))).isEqualTo(
                "JNHj5VASLh3Fcbzv0B9JTeXKgsX/AFrEaahD5cWiiYtMPqC6w7m45VLO9zJU3OtUlvBesdgql1I84HpD5CaEaDKHQUAwmfTw96TyjHmnXS0rnCd0RYIGPfXTHl/1hv4eAmYVGiNUnpth2TyLV10osYjQRfe5dRGvs21z5vj4vBlgX/R8JED9N41LtTWA2B8B9r0cYI2d7wt/7+ZistSmadys66Ki2LOXk3HAt0AnIxBg9kCpIrQ3QZAzPEoQLG52DlII91yIs5avkSUJQnh16WSf85DjoZSIFXwVk8uVFAHM2Ej8S/d5+G5cBs9m+bLODo+9JslqybTUZiFV+JtdDw==");
    }

    @ParameterizedTest
    @CsvSource({
        "s2k, acadb60b74c60e9faee03393f08584f322e7c0a456db31c7f11276f736599b27,"
                + "YyBx2zKwCGBq8kgx3Wgfehq3rQ4L2MkwdLBPGCQBTRN+u7WV7h2YobN1p7P/0P++HNZmNBE9ogcv9ETrkdAM+QdAgJ16eHUnFOiWomZf8oFt/t8+dtQIeFdf3B/fYHuwaKStDTUtSOSHINNdBRuwhRbX9gMdJl60CkAW6m34DY9/fYfzzajJkH/NAkutG/7QTyGAOsHTpGU5i8R7spw6UDkCSVpK+kvNY/tTtLoejzINv+c5R4XdLCE00P6CYRLhuh53HMa/3NulrXauTbLuS2m+oG9+2ry+Bg84SuXa5/zG+pVcN14pMnMx3z2d7PDWt8EctivZMWZR1Ik9op76Lg==,"
                + "0FxWwjLend5Y9q8rjH6JthJ84xTe/z1/3gHw0Al6IEk=, ac6+ke0RCkqsPWZHfD5gTIkl29bzVl1YgBjoCTsCKB0=",
        "s2k_fo, 272cfa7988c03b2100d3dcd40767c3d48df3b58ea2a9af2b2043e1ab88656c2b,"
                + "PW3H3r0t20nZuIKcyMqcjOrNwIvG8gqlCRPEelZXniTnZFjelMDAXxq9QYHUcdSvsIkPaUT/t0aHsAfQw/buCCL06Ub7NyArUlfiRZuC4p9Su0QlWrLnTc3j7Fi2sR76wuK65nhv1xX4C2xxW/juEW2fTOUmDt72UQuEUZdXgi2vLTnr9I7re8afn8v8KKzI5EpEXauZvCLWSaT+yeEjvKHCSegnoDLH+Bkk5GZXoooTa6Pbu4kIGB1BJJi6V+N1MLh+Oe1d+Q7COsA6JFD45QTCK4GURLZBc6qt3Vk/Gv/lacsQAzhVQKQ667XyoWoALMGNR3yDYJb6Yh214CmV7g==,"
                + "H2mmxHaBonPwH85lFsEAZ3ErUf9vBTGzSLzHAkzlT0A=, HGnDn3oqMeN//cEeSmg6dCuUgkvdUuwN8AfUrca1I8c="
    })
    void bothSidesReproduceTheVectors(String protocol, String expectedP, String expectedB, String expectedM1,
            String expectedM2) {
        byte[] p = Srp.derivePassword(PASSWORD, SALT, 20000, Srp.Protocol.fromWire(protocol));
        assertThat(HexFormat.of().formatHex(p)).isEqualTo(expectedP);

        BigInteger x = Srp.x(SALT, p);
        BigInteger publicB = Srp.publicB(Srp.verifier(x), B_SECRET);
        assertThat(b64(Srp.min(publicB))).isEqualTo(expectedB);

        BigInteger publicA = Srp.publicA(A_SECRET);
        BigInteger u = Srp.u(publicA, publicB);
        byte[] clientKey = Srp.sessionKey(Srp.clientSecret(publicB, x, A_SECRET, u));
        byte[] serverKey = Srp.sessionKey(Srp.serverSecret(publicA, Srp.verifier(x), u, B_SECRET));
        assertThat(clientKey).isEqualTo(serverKey);

        byte[] m1 = Srp.m1(USER, SALT, publicA, publicB, clientKey);
        assertThat(b64(m1)).isEqualTo(expectedM1);
        assertThat(b64(Srp.m2(publicA, m1, clientKey))).isEqualTo(expectedM2);
    }

    private static BigInteger repeated(int value) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) value);
        return Srp.integer(bytes);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
