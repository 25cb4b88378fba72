package io.github.camelicloud.simulator.library;

import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * What a user typed about a photo in Photos: published as {@code captionEnc} and {@code extendedDescEnc} (base64
 * UTF-8) and {@code keywordsEnc} (a base64 binary plist array of strings), as real CPLAsset records carry them.
 *
 * @param caption     the title, or null
 * @param description the longer description, or null
 * @param keywords    possibly empty
 */
public record Annotations(String caption, String description, List<String> keywords) {

    public static final Annotations NONE = new Annotations(null, null, List.of());

    private static final String[] CAPTIONS = {"Sunset over the lake", "Grandma's 80th birthday",
        "Zürich — Limmat at night", "First day of school", "Snow on the Säntis", "Team dinner 🍕"};
    private static final String[] KEYWORDS = {"family", "holiday", "nature", "food", "Zürich", "friends", "work"};

    public Annotations {
        keywords = List.copyOf(keywords);
    }

    public boolean isEmpty() {
        return caption == null && description == null && keywords.isEmpty();
    }

    /**
     * About a third of the photos in a generated library have a caption, some a description and keywords. Drawn from
     * a generator of its own (seeded by the asset), so that libraries generated before these fields existed keep
     * every other value.
     */
    static Annotations generated(long seed) {
        Random random = new Random(seed ^ 0xA77E_57A7_10A5L);
        if (random.nextInt(3) != 0) {
            return NONE;
        }
        String caption = CAPTIONS[random.nextInt(CAPTIONS.length)];
        String description = random.nextBoolean() ? "Taken with the simulator's camera; " + caption.toLowerCase() : null;
        int count = random.nextInt(4);
        List<String> keywords = random.ints(count, 0, KEYWORDS.length).distinct().mapToObj(i -> KEYWORDS[i]).toList();
        return new Annotations(Objects.requireNonNull(caption), description, keywords);
    }
}
