package io.github.camelicloud.sync.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.client.photos.metadata.RecordedAssets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sidecars of Apple's recorded assets. Expected documents are what icloudpd 1.32's {@code build_metadata} and
 * {@code generate_xml} make of the same CPLAsset records (run through CPython's ElementTree).
 */
class RecordedSidecarTest {

    private static final String HEAD = "<?xml version='1.0' encoding='utf-8'?>\n"
            + "<x:xml_doc xmlns:x=\"adobe:ns:meta/\" x:xmptk=\"icloudpd 1.32.2+test\">"
            + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">";
    private static final String EXIF = "<rdf:Description rdf:about=\"\" xmlns:exif=\"http://ns.adobe.com/exif/1.0/\">";
    private static final String IPTC =
            "<rdf:Description rdf:about=\"\" xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\">";
    private static final String PHOTOSHOP =
            "<rdf:Description rdf:about=\"\" xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\">";
    private static final String TIFF = "<rdf:Description rdf:about=\"\" xmlns:tiff=\"http://ns.adobe.com/tiff/1.0/\">";
    private static final String XMP = "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">";
    private static final String END = "</rdf:Description>";
    private static final String TAIL = "</rdf:RDF></x:xml_doc>";

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        // IMG_7409.JPG: location in a binary plist, UTC+7
        "listing_photos|F2A23C38-0020-42FE-A273-2923ADE3CAED|" + EXIF
            + "<exif:GPSAltitude>326.9550561797753</exif:GPSAltitude><exif:GPSLatitude>18.82285</exif:GPSLatitude>"
            + "<exif:GPSLongitude>98.96340333333333</exif:GPSLongitude>"
            + "<exif:GPSTimeStamp>2001-01-01T00:00:00</exif:GPSTimeStamp>" + END
            + PHOTOSHOP + "<photoshop:DateCreated>2018-07-31T14:22:24+0700</photoshop:DateCreated>" + END
            + XMP + "<xmp:CreateDate>2018-07-31T14:22:24+0700</xmp:CreateDate>" + END,
        // a screenshot
        "listing_photos|166B201A-1513-4AD6-AA27-F6116D360652|" + IPTC
            + "<Iptc4xmpExt:DigitalSourceType>screenCapture</Iptc4xmpExt:DigitalSourceType>" + END
            + PHOTOSHOP + "<photoshop:DateCreated>2018-07-27T03:10:40+0700</photoshop:DateCreated>" + END
            + TIFF + "<tiff:Make>Screenshot</tiff:Make>" + END
            + XMP + "<xmp:CreateDate>2018-07-27T03:10:40+0700</xmp:CreateDate>" + END,
        // empty keyword list, UTC+8
        "listing_photos|F077877D-FF64-427D-9143-AFB7201932C4|"
            + PHOTOSHOP + "<photoshop:DateCreated>2023-06-21T01:17:24+0800</photoshop:DateCreated>" + END
            + XMP + "<xmp:CreateDate>2023-06-21T01:17:24+0800</xmp:CreateDate>" + END,
        // a favourite, UTC-7, negative longitude
        "download_autodelete_photos_part1|6ECE79D0-0A4B-48A9-9FC6-5FB6B1CC6420|" + EXIF
            + "<exif:GPSAltitude>15.61551189245088</exif:GPSAltitude><exif:GPSLatitude>34.43541666666667</exif:GPSLatitude>"
            + "<exif:GPSLongitude>-119.85608666666667</exif:GPSLongitude>"
            + "<exif:GPSTimeStamp>2023-04-25T19:28:47</exif:GPSTimeStamp>" + END
            + PHOTOSHOP + "<photoshop:DateCreated>2023-04-25T19:28:47-0700</photoshop:DateCreated>" + END
            + XMP + "<xmp:CreateDate>2023-04-25T19:28:47-0700</xmp:CreateDate><xmp:Rating>5</xmp:Rating>" + END,
        "download_autodelete_photos_part1|45417DA0-439F-4E27-BE61-9C963A792E3E|" + EXIF
            + "<exif:GPSAltitude>16.115510948905108</exif:GPSAltitude><exif:GPSLatitude>34.435425</exif:GPSLatitude>"
            + "<exif:GPSLongitude>-119.85610333333334</exif:GPSLongitude>"
            + "<exif:GPSTimeStamp>2023-06-05T20:21:24</exif:GPSTimeStamp>" + END
            + PHOTOSHOP + "<photoshop:DateCreated>2023-06-05T20:21:24-0700</photoshop:DateCreated>" + END
            + XMP + "<xmp:CreateDate>2023-06-05T20:21:24-0700</xmp:CreateDate>" + END,
        // in Recently Deleted: rejected
        "download_autodelete_photos_part2|A5A7C0F1-BE37-46D8-9A99-400AD6DC2351|"
            + PHOTOSHOP + "<photoshop:DateCreated>2023-06-06T19:49:27-0700</photoshop:DateCreated>" + END
            + XMP + "<xmp:CreateDate>2023-06-06T19:49:27-0700</xmp:CreateDate><xmp:Rating>-1</xmp:Rating>" + END,
    })
    void sidecarOfARecordedAsset(String cassette, String assetRecordName, String descriptions) {
        String xml = new XmpSidecar("icloudpd 1.32.2+test")
                .render(RecordedAssets.find(cassette, assetRecordName).metadata());

        assertThat(xml).isEqualTo(HEAD + descriptions + TAIL);
    }
}
