package io.github.camelicloud.simulator.media;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A synthetic QuickTime or MP4 file: {@code ftyp}, a {@code moov} with an {@code mvhd} carrying the
 * creation time and duration, then an {@code mdat} of noise (64-bit size past 4 GB). Not playable, but
 * the right magic and date for tools that sniff them.
 */
final class MovieMedia {

    record Brand(String major, int minor, String... compatible) {
    }

    static final Brand QUICKTIME = new Brand("qt  ", 0x20050300, "qt  ");
    static final Brand MP4 = new Brand("mp42", 0, "isom", "mp42");
    /** Seconds from 1904-01-01 (the QuickTime epoch) to 1970-01-01. */
    private static final long EPOCH_1904 = 2_082_844_800L;
    private static final int TIMESCALE = 600;

    private MovieMedia() {
    }

    static Content build(MediaSpec spec, Brand brand) {
        byte[] ftyp = Boxes.box("ftyp", Boxes.fourCc(brand.major()), ByteBuffer.allocate(4).putInt(brand.minor())
                .array(), Boxes.fourCc(brand.compatible()));
        byte[] moov = Boxes.box("moov", mvhd(spec));
        long mdatTotal = spec.size() - ftyp.length - moov.length;
        long noise = mdatTotal - Boxes.mdatHeaderLength(mdatTotal);
        if (noise < 0) {
            return null;
        }
        return Content.concat(List.of(Content.of(ftyp), Content.of(moov), Content.of(Boxes.mdatHeader(noise)),
                Content.noise(spec.seed(), noise)));
    }

    private static byte[] mvhd(MediaSpec spec) {
        long created = spec.capture().date().getEpochSecond() + EPOCH_1904;
        ByteBuffer body = ByteBuffer.allocate(96);
        body.putInt((int) created).putInt((int) created).putInt(TIMESCALE)
                .putInt((int) (spec.durationMillis() * TIMESCALE / 1000));
        body.putInt(0x00010000).putShort((short) 0x0100).put(new byte[10]);
        for (int value : new int[] {0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000}) {
            body.putInt(value);
        }
        body.put(new byte[24]).putInt(1);
        return Boxes.fullBox("mvhd", 0, 0, body.array());
    }
}
