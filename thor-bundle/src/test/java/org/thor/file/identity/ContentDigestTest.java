package org.thor.file.identity;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The digest tells apart what a banner, a header or fixed-width padding makes look alike. */
public class ContentDigestTest {

    public static FileContent of(byte[] bytes) {
        return (into, position) -> {
            if (position >= bytes.length) {
                return -1;
            }
            int n = (int) Math.min(into.remaining(), bytes.length - position);
            into.put(bytes, (int) position, n);
            return n;
        };
    }

    private static byte[] fixedWidth(int first, int lines) {
        StringBuilder text = new StringBuilder("# the same banner in every file, longer than a fingerprint\n".repeat(40));
        for (int i = first; i < first + lines; i++) {
            text.append(String.format("%08d", i)).append(" ".repeat(100)).append("|END\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void filesOfOneSizeThatShareFirstBytesAndTailDiffer() throws IOException {
        byte[] a = fixedWidth(0, 500);
        byte[] b = fixedWidth(500, 500);
        assertEquals(a.length, b.length);
        ReadMark markA = ReadMark.of(Fingerprint.read(of(a)), a.length, ReadMark.tailHashAt(of(a), a.length),
                ContentDigest.of(of(a), a.length));
        assertEquals(Fingerprint.read(of(a)).hash(), Fingerprint.read(of(b)).hash(), "the first bytes are the same");
        assertEquals(ReadMark.tailHashAt(of(a), a.length), ReadMark.tailHashAt(of(b), b.length), "so is the tail");
        assertTrue(markA.provenBy(of(a), a.length));
        assertFalse(markA.provenBy(of(b), b.length), "the digest tells them apart");
    }

    @Test
    void digestIsOfTheWholeWordsBeforeThePositionAndUnknownPastTheEnd() throws IOException {
        byte[] bytes = new byte[1000];
        new Random(7).nextBytes(bytes);
        assertEquals(ContentDigest.of(of(bytes), 800), ContentDigest.of(of(bytes), 807));
        assertNotEquals(ContentDigest.of(of(bytes), 800), ContentDigest.of(of(bytes), 808));
        assertEquals(ContentDigest.EMPTY, ContentDigest.of(of(bytes), 7));
        assertEquals(ContentDigest.UNKNOWN, ContentDigest.of(of(bytes), 1001 + 8));
    }

    @Test
    void foldingWordByWordGivesTheDigestOfTheContent() throws IOException {
        byte[] bytes = new byte[4096];
        new Random(11).nextBytes(bytes);
        long digest = ContentDigest.EMPTY;
        for (int at = 0; at + 8 <= 2000; at += 8) {
            digest = ContentDigest.fold(digest, bytes, at);
        }
        assertEquals(ContentDigest.of(of(bytes), 2000), digest);
    }
}
