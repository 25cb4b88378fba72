package io.github.camelicloud.sync.metadata;

import io.github.camelicloud.client.photos.metadata.AssetMetadata;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The element tree of icloudpd's sidecar: a root {@code x:xml_doc} (sic, not {@code x:xmpmeta}), one
 * {@code rdf:Description} per namespace in the order dc, exif, Iptc4xmpExt, photoshop, tiff, xmp, each
 * present only when it has a property, and a property only when its value is "truthy" in Python terms
 * (so a latitude, altitude or speed of 0.0 and an orientation of 0 are left out).
 */
final class XmpDocument {

    static final int RATING_REJECTED = -1;
    static final int RATING_FAVORITE = 5;

    private static final DateTimeFormatter WALL_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private XmpDocument() {
    }

    static XmlNode build(AssetMetadata m, String toolkit) {
        XmlNode root = new XmlNode("x:xml_doc").attribute("xmlns:x", "adobe:ns:meta/").attribute("x:xmptk", toolkit);
        XmlNode rdf = root.child("rdf:RDF").attribute("xmlns:rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        XmlNode dc = description("dc", "http://purl.org/dc/elements/1.1/");
        XmlNode exif = description("exif", "http://ns.adobe.com/exif/1.0/");
        XmlNode iptc = description("Iptc4xmpExt", "http://iptc.org/std/Iptc4xmpExt/2008-02-29/");
        XmlNode photoshop = description("photoshop", "http://ns.adobe.com/photoshop/1.0/");
        XmlNode tiff = description("tiff", "http://ns.adobe.com/tiff/1.0/");
        XmlNode xmp = description("xmp", "http://ns.adobe.com/xap/1.0/");

        nonEmpty(m.title()).ifPresent(v -> dc.child("dc:title", v));
        nonEmpty(m.description()).ifPresent(v -> dc.child("dc:description", v));
        m.orientation().filter(o -> o != 0).ifPresent(o -> tiff.child("tiff:Orientation", o.toString()));
        if (m.screenshot()) {
            tiff.child("tiff:Make", "Screenshot");
            iptc.child("Iptc4xmpExt:DigitalSourceType", "screenCapture");
        }
        if (!m.keywords().isEmpty()) {
            XmlNode seq = dc.child("dc:subject").child("rdf:Seq");
            m.keywords().forEach(k -> seq.child("rdf:li", k));
        }
        gps(exif, "exif:GPSAltitude", m.altitude());
        gps(exif, "exif:GPSLatitude", m.latitude());
        gps(exif, "exif:GPSLongitude", m.longitude());
        gps(exif, "exif:GPSSpeed", m.speed());
        m.gpsTimestamp().ifPresent(t -> exif.child("exif:GPSTimeStamp", WALL_TIME.format(t)));
        m.created().ifPresent(instant -> {
            String created = WALL_TIME.format(LocalDateTime.ofInstant(instant, m.createdOffset()))
                    + offset(m.createdOffset());
            xmp.child("xmp:CreateDate", created);
            photoshop.child("photoshop:DateCreated", created); // what Apple Photos reads from a sidecar
        });
        rating(m).ifPresent(r -> xmp.child("xmp:Rating", Integer.toString(r)));

        for (XmlNode description : List.of(dc, exif, iptc, photoshop, tiff, xmp)) {
            if (description.hasChildren()) {
                rdf.append(description);
            }
        }
        return root;
    }

    /** Hidden or deleted means rejected (-1) and wins over favourite (5). */
    static Optional<Integer> rating(AssetMetadata m) {
        if (m.hidden() || m.deleted()) {
            return Optional.of(RATING_REJECTED);
        }
        return m.favorite() ? Optional.of(RATING_FAVORITE) : Optional.empty();
    }

    private static XmlNode description(String prefix, String namespace) {
        return new XmlNode("rdf:Description").attribute("rdf:about", "").attribute("xmlns:" + prefix, namespace);
    }

    private static void gps(XmlNode exif, String name, Optional<Double> value) {
        // Python's `if value:` skips 0.0 but not NaN
        value.filter(v -> v != 0.0).ifPresent(v -> exif.child(name, PythonFloat.repr(v)));
    }

    /** strftime's {@code %z}: {@code +HHMM}, with seconds appended only when the offset has some. */
    static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        String hhmm = String.format(Locale.ROOT, "%s%02d%02d", total < 0 ? "-" : "+", abs / 3600, abs % 3600 / 60);
        return abs % 60 == 0 ? hhmm : hhmm + String.format(Locale.ROOT, "%02d", abs % 60);
    }

    private static Optional<String> nonEmpty(Optional<String> value) {
        return value.filter(v -> !v.isEmpty());
    }
}
