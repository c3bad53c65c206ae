package org.thor.file.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineReaderTest {

    @TempDir
    Path dir;

    @Test
    void lineOfExactlyTheMaximumIsNotSplitEvenWithCrLf() throws IOException {
        assertEquals(List.of("abcdefgh", "ijklmnop", "+q", "r"), read("abcdefgh\r\nijklmnopq\nr", 8, true));
    }

    @Test
    void splitNeverCutsAFourByteCharacter() throws IOException {
        String line = "abcdef\uD83D\uDE00xyz"; // 6 ASCII bytes, a 4-byte emoji, 3 more
        assertEquals(List.of("abcdef", "+\uD83D\uDE00xyz"), read(line + "\n", 8, false));
    }

    @Test
    void unterminatedLastLineOnlyWhenFinished() throws IOException {
        assertEquals(List.of("one"), read("one\ntwo", 100, false));
        assertEquals(List.of("one", "two"), read("one\ntwo", 100, true));
    }

    @Test
    void linesSpanningManyBufferFillsKeepTheirOffsets() throws IOException {
        String big = "y".repeat(200_000);
        Path file = dir.resolve("big.log");
        Files.writeString(file, "a\n" + big + "\nb\n");
        try (FileChannel channel = FileChannel.open(file)) {
            LineReader reader = new LineReader(0, org.thor.file.identity.ContentDigest.EMPTY, 1 << 20, StandardCharsets.UTF_8);
            List<long[]> offsets = new ArrayList<>();
            while (true) {
                if (reader.next(false)) {
                    offsets.add(new long[] {reader.lineStart(), reader.lineEnd()});
                } else if (reader.fill(channel::read) == 0) {
                    break;
                }
            }
            assertEquals(3, offsets.size());
            assertEquals(2, offsets.get(1)[0]);
            assertEquals(200_003, offsets.get(1)[1]);
            assertEquals(200_005, offsets.get(2)[1]);
            assertFalse(reader.holdsPartialLine());
        }
    }

    @Test
    void bytesTakenButNotHandedOutAreCheckedAgainstWhatTheFileHoldsNow() throws IOException {
        Path file = dir.resolve("app.log");
        Files.writeString(file, "line 0055000\nline 0055001\n");
        try (FileChannel channel = FileChannel.open(file)) {
            LineReader reader = new LineReader(0, org.thor.file.identity.ContentDigest.EMPTY, 1024, StandardCharsets.UTF_8);
            reader.fill(channel::read);
            assertTrue(reader.stillHeldBy(channel::read));

            // copytruncate again, and written to past the bytes taken: the same length, other lines
            Files.writeString(file, "line 0056000\nline 0056001\nline 0056002\n");
            assertFalse(reader.stillHeldBy(channel::read));
        }
    }

    /** The lines read; later parts of a split line start with '+'. */
    private List<String> read(String content, int max, boolean finished) throws IOException {
        Path file = dir.resolve("f" + System.nanoTime());
        Files.writeString(file, content);
        List<String> lines = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file)) {
            LineReader reader = new LineReader(0, org.thor.file.identity.ContentDigest.EMPTY, max, StandardCharsets.UTF_8);
            while (true) {
                if (reader.next(finished)) {
                    String text = new String(reader.lineBytes(), reader.lineOffset(), reader.lineLength(), StandardCharsets.UTF_8);
                    assertTrue(reader.lineLength() <= max);
                    lines.add(reader.lineContinued() ? "+" + text : text);
                } else if (reader.fill(channel::read) == 0) {
                    break;
                }
            }
        }
        return lines;
    }

    /** What the reader digests line by line, resumed midway too, is the digest of the content up to each line's end. */
    @Test
    void digestAtEachLineEndIsTheContentsDigest() throws Exception {
        StringBuilder text = new StringBuilder();
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 300; i++) {
            text.append("x".repeat(random.nextInt(40))).append(i).append(i % 7 == 0 ? "\r\n" : "\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        org.thor.file.identity.FileContent content = org.thor.file.identity.ContentDigestTest.of(bytes);
        long resumeAt = 0;
        long resumeDigest = org.thor.file.identity.ContentDigest.EMPTY;
        for (int pass = 0; pass < 2; pass++) {
            LineReader reader = new LineReader(resumeAt, resumeDigest, 16, StandardCharsets.UTF_8);
            int lines = 0;
            while (true) {
                if (reader.next(true)) {
                    assertEquals(org.thor.file.identity.ContentDigest.of(content, reader.lineEnd()), reader.digest());
                    if (++lines == 150 && pass == 0) {
                        resumeAt = reader.lineEnd();
                        resumeDigest = reader.digest();
                    }
                } else if (reader.fill(content) == 0) {
                    break;
                }
            }
            assertTrue(lines > 150);
        }
    }
}
