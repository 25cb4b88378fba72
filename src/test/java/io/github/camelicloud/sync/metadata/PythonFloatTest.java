package io.github.camelicloud.sync.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected strings are CPython 3's {@code repr(float.fromhex(hex))}. */
class PythonFloatTest {

    @ParameterizedTest
    @CsvSource({
        "0x1.46f47e8fd1fa4p+8, 326.9550561797753",
        "0x1.2d2a64c2f837bp+4, 18.82285",
        "0x1.8bda86674618ap+6, 98.96340333333333",
        "-0x1.eb86b9698a4eep+6, -122.88156666666666",
        "0x1.90c0e33103f5ap+5, 50.09418333333333",
        "0x1.999999999999ap-4, 0.1",
        "0x1.a36e2eb1c432dp-14, 0.0001",
        "0x1.4f8b588e368f1p-17, 1e-05",
        "0x1.f75104d551d69p-17, 1.5e-05",
        "0x1.1c37937e08000p+53, 1e+16",
        "0x1.18b54f22aeb00p+50, 1234567890123456.0",
        "0x1.5ee2a2eb5a5c4p+53, 1.2345678901234568e+16",
        "0x1.0f0cf064dd592p+73, 1e+22",
        "0x0.0000000000001p-1022, 5e-324",
        "0x1.fffffffffffffp+1023, 1.7976931348623157e+308",
        "0x0.0000000000003p-1022, 1.5e-323",
        "0x1.3333333333333p-2, 0.3",
        "0x1.5555555555555p-1, 0.6666666666666666",
        "0x1.9000000000000p+6, 100.0",
        "0x1.a36e2eb1c432cp-14, 9.999999999999999e-05",
        "0x1.d6f3454000000p+26, 123456789.0",
        "-0x1.0000000000000p-1, -0.5",
        "0x1.0000000000000p+60, 1.152921504606847e+18",
        "0x1.0000000000000p-20, 9.5367431640625e-07",
        "0x1.0000000000000p+53, 9007199254740992.0",
        "0x1.1666666666666p+2, 4.35",
        "0x1.c6bf526340000p+49, 1000000000000000.0",
        "0x1.1eb2d66005835p+997, 1.5e+300",
        "0x1.3a6f252e6b438p+918, 2.7216092808335446e+276",
        "0x1.99387269e0d37p-215, 3.035766360112293e-65",
        "0x1.e3fe8a6a3a450p-925, 6.665830898196862e-279",
        "0x1.f8412128b2f33p+658, 2.3558459513947972e+198",
        "0x1.c7408892f902bp-831, 1.2418970069620836e-250",
        "0x1.8cc2e5d9dc9f8p+170, 2.319469273766672e+51",
        "0x1.12eca0ed90475p+840, 7.873531487934826e+252",
        "0x1.b3ae681e74ef5p-584, 2.6878898238430084e-176",
        "0x1.051ad099950d8p-847, 1.086847153644306e-255",
        "0x1.6aa4d6f03675ap-167, 7.572358053192185e-51",
        "0x1.e0b9211e20b8fp-531, 2.6713290337373985e-160",
        "0x1.8b7671738f7d9p+105, 6.266356115726005e+31",
        "-0x1.b2c4fc0570c10p+4, -27.17309190869497",
        "0x1.d6aac469c81b4p+6, 117.66676488193372",
        "-0x1.0edcd290bac24p+7, -135.43129398612757",
        "-0x1.8e8930267cc22p+6, -99.63397274147476",
        "0x1.6f01f759e0fe4p+5, 45.87596006601214",
        "0x1.4259b657914d2p+7, 161.17521928452203",
        "0x1.bc1cec8596fe0p+4, 27.757061502299507",
        "-0x1.298f6b6e25d98p+5, -37.195029125719145",
    })
    void matchesPythonRepr(String hex, String expected) {
        assertThat(PythonFloat.repr(Double.parseDouble(hex))).isEqualTo(expected);
    }

    @Test
    void specialValues() {
        assertThat(PythonFloat.repr(0.0)).isEqualTo("0.0");
        assertThat(PythonFloat.repr(-0.0)).isEqualTo("-0.0");
        assertThat(PythonFloat.repr(Double.NaN)).isEqualTo("nan");
        assertThat(PythonFloat.repr(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(PythonFloat.repr(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }
}
