package io.github.camelicloud.client.photos.metadata;

import static io.github.camelicloud.client.photos.metadata.IcloudpdStub.put;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The values icloudpd's own tests expect from its stub record, and its error paths. */
class AssetMetadataParserTest {

    private static final ObjectNode NO_MASTER = JsonNodeFactory.instance.objectNode();

    private static AssetMetadata parse(ObjectNode assetFields) {
        return AssetMetadataParser.parse(NO_MASTER, assetFields);
    }

    @Test
    void icloudpdsStubRecord() {
        AssetMetadata m = parse(IcloudpdStub.fields());

        assertThat(m.title()).contains("Title Here");
        assertThat(m.description()).contains("Caption Here");
        assertThat(m.orientation()).contains(8);
        assertThat(m.screenshot()).isFalse();
        assertThat(m.keywords()).containsExactly("some keyword");
        assertThat(m.altitude()).contains(326.9550561797753);
        assertThat(m.latitude()).contains(18.82285);
        assertThat(m.longitude()).contains(98.96340333333333);
        assertThat(m.speed()).contains(0.0);
        assertThat(m.gpsTimestamp()).contains(LocalDateTime.of(2001, 1, 1, 0, 0));
        assertThat(m.created()).contains(Instant.parse("2018-07-30T11:44:10.176Z"));
        assertThat(m.createdOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(m.favorite()).isFalse();
        assertThat(m.hidden()).isFalse();
        assertThat(m.deleted()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {IcloudpdStub.ADJUSTMENTS_BPLIST, IcloudpdStub.ADJUSTMENTS_CRDT})
    void adjustmentsThatAreNotJsonHaveNoOrientation(String value) {
        ObjectNode fields = IcloudpdStub.fields();
        put(fields, "adjustmentSimpleDataEnc", value, "ENCRYPTED_BYTES");

        AssetMetadata m = parse(fields);

        assertThat(m.orientation()).isEmpty();
        assertThat(m.title()).contains("Title Here");
    }

    @Test
    void adjustmentsWithoutAnOrientation() {
        ObjectNode fields = IcloudpdStub.minimalFields();
        put(fields, "adjustmentSimpleDataEnc", deflatedBase64("{\"metadata\":{\"other\":1}}"), "ENCRYPTED_BYTES");

        assertThat(parse(fields).orientation()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bm90IGRlZmxhdGU=", "!!!", "eyJhIjox", "AAAA"})
    void unreadableAdjustmentsAreIgnored(String value) {
        ObjectNode fields = IcloudpdStub.fields();
        put(fields, "adjustmentSimpleDataEnc", value, "ENCRYPTED_BYTES");

        AssetMetadata m = parse(fields);

        assertThat(m.orientation()).isEmpty();
        assertThat(m.keywords()).containsExactly("some keyword");
    }

    @Test
    void truncatedDeflateIsIgnored() {
        String whole = deflatedBase64("{\"metadata\":{\"orientation\":6}}");
        byte[] bytes = Base64.getDecoder().decode(whole);
        ObjectNode fields = IcloudpdStub.minimalFields();
        put(fields, "adjustmentSimpleDataEnc",
                Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(bytes, bytes.length - 4)), "ENCRYPTED_BYTES");

        assertThat(parse(fields).orientation()).isEmpty();
        put(fields, "adjustmentSimpleDataEnc", whole, "ENCRYPTED_BYTES");
        assertThat(parse(fields).orientation()).contains(6);
    }

    @Test
    void screenshotSubtype() {
        ObjectNode fields = IcloudpdStub.fields();
        put(fields, "assetSubtypeV2", 3, "INT64");

        assertThat(parse(fields).screenshot()).isTrue();
    }

    @Test
    void flagsAreOneOrNot() {
        ObjectNode fields = IcloudpdStub.fields();
        put(fields, "isFavorite", 1, "INT64");
        put(fields, "isHidden", 1, "INT64");
        put(fields, "isDeleted", 2, "INT64");

        AssetMetadata m = parse(fields);

        assertThat(m.favorite()).isTrue();
        assertThat(m.hidden()).isTrue();
        assertThat(m.deleted()).as("icloudpd compares with == 1").isFalse();
        fields.remove("isFavorite");
        assertThat(parse(fields).favorite()).isFalse();
    }

    @Test
    void locationInXmlPlistForm() {
        ObjectNode fields = IcloudpdStub.fields();
        put(fields, "locationEnc", IcloudpdStub.LOCATION_XML, "ENCRYPTED_BYTES");

        AssetMetadata m = parse(fields);

        assertThat(m.altitude()).contains(0.0);
        assertThat(m.longitude()).contains(-122.88156666666666);
        assertThat(m.latitude()).contains(50.09418333333333);
        assertThat(m.speed()).isEmpty();
        assertThat(m.gpsTimestamp()).contains(LocalDateTime.of(2020, 2, 29, 18, 35, 49));
    }

    @Test
    void timeZoneOffsetInSeconds() {
        ObjectNode fields = IcloudpdStub.minimalFields();
        put(fields, "timeZoneOffset", -25200, "INT64");
        assertThat(parse(fields).createdOffset()).isEqualTo(ZoneOffset.ofHours(-7));

        put(fields, "timeZoneOffset", 100_000, "INT64");
        assertThat(parse(fields).createdOffset()).as("out of range").isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void noAssetDateMeansNoCreationDate() {
        ObjectNode fields = IcloudpdStub.minimalFields();
        fields.remove("assetDate");

        assertThat(parse(fields).created()).isEmpty();
    }

    @Test
    void missingAssetFieldsGiveEmptyMetadata() {
        assertThat(AssetMetadataParser.parse(NO_MASTER, MissingNode.getInstance())).isEqualTo(AssetMetadata.empty());
        assertThat(AssetMetadataParser.parse(NO_MASTER, null)).isEqualTo(AssetMetadata.empty());
    }

    // icloudpd's BuildXMPMetadataErrorPaths, one by one

    @ParameterizedTest
    @ValueSource(strings = {"captionEnc", "extendedDescEnc", "keywordsEnc", "locationEnc", "adjustmentSimpleDataEnc"})
    void emptyValueCountsAsAbsent(String field) {
        ObjectNode fields = IcloudpdStub.minimalFields();
        put(fields, field, "", "ENCRYPTED_BYTES");

        assertThat(parse(fields)).isEqualTo(parse(IcloudpdStub.minimalFields()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"captionEnc", "extendedDescEnc", "keywordsEnc", "locationEnc", "adjustmentSimpleDataEnc"})
    void missingValueKeyCountsAsAbsent(String field) {
        ObjectNode fields = IcloudpdStub.minimalFields();
        fields.putObject(field).put("type", "ENCRYPTED_BYTES");

        assertThat(parse(fields)).isEqualTo(parse(IcloudpdStub.minimalFields()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"captionEnc", "extendedDescEnc", "keywordsEnc", "locationEnc", "adjustmentSimpleDataEnc"})
    void corruptBase64IsIgnored(String field) {
        ObjectNode fields = IcloudpdStub.fields();
        put(fields, field, "!!!not-base64!!!", "ENCRYPTED_BYTES");

        AssetMetadata m = parse(fields);

        AssetMetadata reference = parse(IcloudpdStub.fields());
        assertThat(m.title()).isEqualTo(field.equals("captionEnc") ? Optional.empty() : reference.title());
        assertThat(m.description()).isEqualTo(field.equals("extendedDescEnc") ? Optional.empty() : reference.description());
        assertThat(m.keywords()).isEqualTo(field.equals("keywordsEnc") ? List.of() : reference.keywords());
        assertThat(m.latitude()).isEqualTo(field.equals("locationEnc") ? Optional.empty() : reference.latitude());
        assertThat(m.orientation())
                .isEqualTo(field.equals("adjustmentSimpleDataEnc") ? Optional.empty() : reference.orientation());
    }

    @Test
    void captionThatIsNotUtf8IsIgnored() {
        ObjectNode fields = IcloudpdStub.minimalFields();
        put(fields, "captionEnc", Base64.getEncoder().encodeToString(new byte[] {(byte) 0xC3, 0x28}), "ENCRYPTED_BYTES");

        assertThat(parse(fields).title()).isEmpty();
    }

    @Test
    void locationThatIsAListIsIgnored() {
        ObjectNode fields = IcloudpdStub.minimalFields();
        String list = "<?xml version=\"1.0\"?><plist version=\"1.0\"><array><string>not</string><string>a</string>"
                + "<string>dict</string></array></plist>";
        put(fields, "locationEnc", Base64.getEncoder().encodeToString(list.getBytes(StandardCharsets.UTF_8)),
                "ENCRYPTED_BYTES");

        AssetMetadata m = parse(fields);

        assertThat(m.latitude()).isEmpty();
        assertThat(m.longitude()).isEmpty();
    }

    @Test
    void keywordsThatAreNotAListAreIgnored() {
        ObjectNode fields = IcloudpdStub.minimalFields();
        String dict = "<plist version=\"1.0\"><dict><key>a</key><string>b</string></dict></plist>";
        put(fields, "keywordsEnc", Base64.getEncoder().encodeToString(dict.getBytes(StandardCharsets.UTF_8)),
                "ENCRYPTED_BYTES");

        assertThat(parse(fields).keywords()).isEmpty();
    }

    @Test
    void asciiPlistsAreRejectedLikePlistlib() {
        ObjectNode fields = IcloudpdStub.minimalFields();
        put(fields, "keywordsEnc", Base64.getEncoder().encodeToString("(a, b)".getBytes(StandardCharsets.UTF_8)),
                "ENCRYPTED_BYTES");

        assertThat(parse(fields).keywords()).isEmpty();
    }

    @Test
    void encodedFieldOfTheWrongJsonTypeIsIgnored() {
        ObjectNode fields = IcloudpdStub.minimalFields();
        put(fields, "captionEnc", 42, "ENCRYPTED_BYTES");

        assertThat(parse(fields).title()).isEmpty();
    }

    private static String deflatedBase64(String json) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(json.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[256];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
