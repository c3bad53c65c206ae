package org.thor.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** An nginx access log in the "combined" format, about 200 bytes a line, for the formats run. */
final class NginxLog {

    private NginxLog() {
    }

    static void write(Path log, int lines) throws IOException {
        Files.createDirectories(log.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (int i = 0; i < lines; i++) {
                out.write(line(i));
                out.write('\n');
            }
        }
    }

    static String line(int i) {
        return String.format("203.0.113.%d - user%d [02/Dec/2026:10:%02d:%02d +0000] \"GET /shop/items/%09d?page=%d HTTP/1.1\" "
                        + "%d %d \"https://shop.example.com/start\" \"Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0\"",
                i % 250, i % 1000, i / 60 % 60, i % 60, i, i % 7, i % 50 == 0 ? 404 : 200, 512 + i % 4096);
    }
}
