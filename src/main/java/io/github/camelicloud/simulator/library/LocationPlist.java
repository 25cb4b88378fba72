package io.github.camelicloud.simulator.library;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code locationEnc}: a binary property list (bplist00) dictionary with the keys of the recordings
 * (lat, lon, alt, speed, course, horzAcc, vertAcc as reals, timestamp as a date), base64-encoded.
 */
final class LocationPlist {

    private LocationPlist() {
    }

    static String encode(double lat, double lon, double alt, double timestampSince2001) {
        Map<String, Double> reals = new LinkedHashMap<>();
        reals.put("course", 0.0);
        reals.put("speed", 0.0);
        reals.put("alt", alt);
        reals.put("lon", lon);
        reals.put("vertAcc", 0.0);
        reals.put("lat", lat);
        reals.put("timestamp", timestampSince2001);
        reals.put("horzAcc", 0.0);
        int count = reals.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("bplist00".getBytes(StandardCharsets.US_ASCII));
        int[] offsets = new int[1 + 2 * count];
        // Object 0: the dictionary; 1..count: keys; count+1..2*count: values (one-byte object references).
        offsets[0] = out.size();
        out.write(0xD0 | count);
        for (int i = 0; i < 2 * count; i++) {
            out.write(1 + i);
        }
        int index = 1;
        for (String key : reals.keySet()) {
            offsets[index++] = out.size();
            out.write(0x50 | key.length());
            out.writeBytes(key.getBytes(StandardCharsets.US_ASCII));
        }
        for (Map.Entry<String, Double> entry : reals.entrySet()) {
            offsets[index++] = out.size();
            out.write(entry.getKey().equals("timestamp") ? 0x33 : 0x23);
            out.writeBytes(ByteBuffer.allocate(8).putDouble(entry.getValue()).array());
        }
        int table = out.size();
        for (int offset : offsets) {
            out.write(offset);
        }
        ByteBuffer trailer = ByteBuffer.allocate(32);
        trailer.put(new byte[6]).put((byte) 1).put((byte) 1).putLong(offsets.length).putLong(0).putLong(table);
        out.writeBytes(trailer.array());
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
