package io.github.camelicloud.sync.metadata;

import static io.github.camelicloud.client.photos.metadata.IcloudpdStub.put;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.client.photos.metadata.AssetMetadata;
import io.github.camelicloud.client.photos.metadata.AssetMetadataParser;
import io.github.camelicloud.client.photos.metadata.IcloudpdStub;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sidecar text, byte for byte. Expected documents are what icloudpd 1.32's {@code generate_xml} +
 * {@code ElementTree.tostring(..., encoding="utf-8", xml_declaration=True)} give for the same record
 * (icloudpd's stub from {@code tests/test_xmp_sidecar.py}, and variants of it).
 */
class XmpSidecarTest {

    private static final String TOOLKIT = "icloudpd 1.32.2+test";
    private static final String HEAD = "<?xml version='1.0' encoding='utf-8'?>\n"
            + "<x:xml_doc xmlns:x=\"adobe:ns:meta/\" x:xmptk=\"icloudpd 1.32.2+test\">"
            + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">";
    private static final String TAIL = "</rdf:RDF></x:xml_doc>";

    private final XmpSidecar sidecar = new XmpSidecar(TOOLKIT);

    @TempDir
    Path dir;

    private static AssetMetadata parse(ObjectNode fields) {
        return AssetMetadataParser.parse(JsonNodeFactory.instance.objectNode(), fields);
    }

    @Test
    void icloudpdsStubRecord() {
        assertThat(sidecar.render(parse(IcloudpdStub.fields()))).isEqualTo(HEAD
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<dc:title>Title Here</dc:title><dc:description>Caption Here</dc:description>"
                + "<dc:subject><rdf:Seq><rdf:li>some keyword</rdf:li></rdf:Seq></dc:subject></rdf:Description>"
                + "<rdf:Description rdf:about=\"\" xmlns:exif=\"http://ns.adobe.com/exif/1.0/\">"
                + "<exif:GPSAltitude>326.9550561797753</exif:GPSAltitude><exif:GPSLatitude>18.82285</exif:GPSLatitude>"
                + "<exif:GPSLongitude>98.96340333333333</exif:GPSLongitude>"
                + "<exif:GPSTimeStamp>2001-01-01T00:00:00</exif:GPSTimeStamp></rdf:Description>"
                + "<rdf:Description rdf:about=\"\" xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\">"
                + "<photoshop:DateCreated>2018-07-30T11:44:10+0000</photoshop:DateCreated></rdf:Description>"
                + "<rdf:Description rdf:about=\"\" xmlns:tiff=\"http://ns.adobe.com/tiff/1.0/\">"
                + "<tiff:Orientation>8</tiff:Orientation></rdf:Description>"
                + "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">"
                + "<xmp:CreateDate>2018-07-30T11:44:10+0000</xmp:CreateDate></rdf:Description>" + TAIL);
    }

    @Test
    void screenshotHiddenFavouriteXmlLocationAndEscaping() {
        ObjectNode fields = IcloudpdStub.fields();
        put(fields, "assetSubtypeV2", 3, "INT64");
        put(fields, "isFavorite", 1, "INT64");
        put(fields, "isHidden", 1, "INT64");
        put(fields, "locationEnc", IcloudpdStub.LOCATION_XML, "ENCRYPTED_BYTES");
        put(fields, "timeZoneOffset", -16200, "INT64");
        // 'Ünïcødé & <tags> "q" \'a\'\ttab' and the binary plist ["a&b", "", "日本"]
        put(fields, "captionEnc", "w5xuw69jw7hkw6kgJiA8dGFncz4gInEiICdhJwl0YWI=", "ENCRYPTED_BYTES");
        put(fields, "keywordsEnc", "YnBsaXN0MDCjAQIDU2EmYlBiZeVnLAgMEBEAAAAAAAABAQAAAAAAAAAEAAAAAAAAAAAAAAAAAAAAFg==",
                "ENCRYPTED_BYTES");

        String xml = new XmpSidecar("icloudpd 1.32.2+\"x\"&<y>\n").render(parse(fields));

        assertThat(xml).isEqualTo("<?xml version='1.0' encoding='utf-8'?>\n<x:xml_doc xmlns:x=\"adobe:ns:meta/\" "
                + "x:xmptk=\"icloudpd 1.32.2+&quot;x&quot;&amp;&lt;y&gt;&#10;\">"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<dc:title>Ünïcødé &amp; &lt;tags&gt; \"q\" 'a'\ttab</dc:title><dc:description>Caption Here</dc:description>"
                + "<dc:subject><rdf:Seq><rdf:li>a&amp;b</rdf:li><rdf:li /><rdf:li>日本</rdf:li></rdf:Seq></dc:subject>"
                + "</rdf:Description>"
                + "<rdf:Description rdf:about=\"\" xmlns:exif=\"http://ns.adobe.com/exif/1.0/\">"
                + "<exif:GPSLatitude>50.09418333333333</exif:GPSLatitude>"
                + "<exif:GPSLongitude>-122.88156666666666</exif:GPSLongitude>"
                + "<exif:GPSTimeStamp>2020-02-29T18:35:49</exif:GPSTimeStamp></rdf:Description>"
                + "<rdf:Description rdf:about=\"\" xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\">"
                + "<Iptc4xmpExt:DigitalSourceType>screenCapture</Iptc4xmpExt:DigitalSourceType></rdf:Description>"
                + "<rdf:Description rdf:about=\"\" xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\">"
                + "<photoshop:DateCreated>2018-07-30T07:14:10-0430</photoshop:DateCreated></rdf:Description>"
                + "<rdf:Description rdf:about=\"\" xmlns:tiff=\"http://ns.adobe.com/tiff/1.0/\">"
                + "<tiff:Orientation>8</tiff:Orientation><tiff:Make>Screenshot</tiff:Make></rdf:Description>"
                + "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">"
                + "<xmp:CreateDate>2018-07-30T07:14:10-0430</xmp:CreateDate><xmp:Rating>-1</xmp:Rating>"
                + "</rdf:Description>" + TAIL);
    }

    @Test
    void ratingRules() {
        AssetMetadata plain = parse(IcloudpdStub.minimalFields());
        assertThat(XmpDocument.rating(plain)).isEmpty();
        assertThat(XmpDocument.rating(with(plain, true, false, false))).contains(5);
        assertThat(XmpDocument.rating(with(plain, true, true, false))).contains(-1);
        assertThat(XmpDocument.rating(with(plain, true, false, true))).contains(-1);
        assertThat(XmpDocument.rating(with(plain, false, true, true))).contains(-1);
    }

    @Test
    void nothingToSay() {
        assertThat(sidecar.render(AssetMetadata.empty())).isEqualTo("<?xml version='1.0' encoding='utf-8'?>\n"
                + "<x:xml_doc xmlns:x=\"adobe:ns:meta/\" x:xmptk=\"icloudpd 1.32.2+test\">"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" /></x:xml_doc>");
    }

    @Test
    void offsetWithSecondsAsStrftimePrintsIt() {
        assertThat(XmpDocument.offset(ZoneOffset.ofTotalSeconds(0))).isEqualTo("+0000");
        assertThat(XmpDocument.offset(ZoneOffset.ofTotalSeconds(19800))).isEqualTo("+0530");
        assertThat(XmpDocument.offset(ZoneOffset.ofTotalSeconds(-(3600 + 61)))).isEqualTo("-010101");
    }

    @Test
    void createdBeforeTheEpochRoundsDownLikeFromtimestamp() {
        AssetMetadata m = new AssetMetadata(Optional.empty(), Optional.empty(), java.util.List.of(), Optional.empty(),
                false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Instant.ofEpochMilli(-1)), ZoneOffset.UTC, false, false, false);

        assertThat(sidecar.render(m)).contains("<xmp:CreateDate>1969-12-31T23:59:59+0000</xmp:CreateDate>");
    }

    // writing and the overwrite rule

    @Test
    void writesNextToTheMediaFile() throws Exception {
        Path media = dir.resolve("IMG_7409.JPG");
        AssetMetadata m = parse(IcloudpdStub.fields());

        assertThat(sidecar.write(media, m)).isEqualTo(XmpSidecar.Outcome.WRITTEN);

        assertThat(XmpSidecar.sidecarPath(media)).isEqualTo(dir.resolve("IMG_7409.JPG.xmp"));
        assertThat(Files.readString(dir.resolve("IMG_7409.JPG.xmp"), StandardCharsets.UTF_8)).isEqualTo(sidecar.render(m));
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").hasSize(1);
        }
    }

    @Test
    void replacesItsOwnAndIcloudpdsSidecars() throws Exception {
        Path media = dir.resolve("a.JPG");
        Path xmp = XmpSidecar.sidecarPath(media);
        AssetMetadata m = parse(IcloudpdStub.fields());
        for (String creator : new String[] {"icloudpd 1.32.2+abcdef", "icloudpd", "camel-icloud 0.1.0"}) {
            Files.writeString(xmp, "<x:xml_doc xmlns:x=\"adobe:ns:meta/\" x:xmptk=\"" + creator + "\"/>");

            assertThat(new XmpSidecar("camel-icloud 0.2.0").write(media, m)).as(creator)
                    .isEqualTo(XmpSidecar.Outcome.WRITTEN);
            assertThat(Files.readString(xmp)).contains("x:xmptk=\"camel-icloud 0.2.0\"");
        }
    }

    @Test
    void anEmptySidecarIsReplaced() throws Exception {
        Path media = dir.resolve("a.JPG");
        Files.createFile(XmpSidecar.sidecarPath(media));

        assertThat(sidecar.write(media, AssetMetadata.empty())).isEqualTo(XmpSidecar.Outcome.WRITTEN);
        assertThat(Files.size(XmpSidecar.sidecarPath(media))).isPositive();
    }

    @Test
    void keepsAnotherProgramsSidecar() throws Exception {
        Path media = dir.resolve("a.JPG");
        Path xmp = XmpSidecar.sidecarPath(media);
        for (String foreign : new String[] {
            "<?xpacket begin=''?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\" x:xmptk=\"Adobe XMP Core 5.6\"/>",
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>",
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\" x:xmptk=\"\"/>",
            "<root xmptk=\"icloudpd 1.0\"/>", // not in the adobe:ns:meta/ namespace
            "not xml at all",
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\" x:xmptk=\"icloudpd\">",
        }) {
            Files.writeString(xmp, foreign);

            assertThat(sidecar.write(media, parse(IcloudpdStub.fields()))).as(foreign)
                    .isEqualTo(XmpSidecar.Outcome.KEPT_FOREIGN);
            assertThat(Files.readString(xmp)).isEqualTo(foreign);
        }
    }

    private static AssetMetadata with(AssetMetadata m, boolean favorite, boolean hidden, boolean deleted) {
        return new AssetMetadata(m.title(), m.description(), m.keywords(), m.orientation(), m.screenshot(),
                m.latitude(), m.longitude(), m.altitude(), m.speed(), m.gpsTimestamp(), m.created(), m.createdOffset(),
                favorite, hidden, deleted);
    }
}
