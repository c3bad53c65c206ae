package org.thor.file.format;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thor.format.Line;
import org.thor.format.LineFormatter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroovyFormatTest {

    /** The worked examples of the README, as shipped in examples/. */
    static final String NGINX_COMBINED = example("nginx-combined.groovy");
    private static final String DROP_AND_MASK = example("drop-health-mask-email.groovy");

    private static final Line LINE = new Line("say \"hi\"", "/var/log/a.log", 42, "web-1", "/var/log/a.log*");

    @TempDir
    Path dir;

    @Test
    void isFoundByName() {
        assertEquals(GroovyFormat.NAME, Formats.find("groovy").orElseThrow().format().name());
    }

    @Test
    void aStringIsTheValueAsItIs() {
        assertEquals("SAY \"HI\" at 42 of /var/log/a.log on web-1 in /var/log/a.log*",
                inline("line.text.toUpperCase() + \" at ${line.offset} of ${line.path} on ${line.host} in ${line.stream}\"")
                        .format(LINE).value());
    }

    @Test
    void aMapIsAJsonObjectWithNestedMapsAndLists() {
        SchemaAndValue value = inline("[message: line.text, offset: line.offset, ok: true, ratio: 0.5, "
                + "tags: ['a', 1, null], nested: [deep: [1, 2]], nan: Double.NaN]").format(LINE);
        assertEquals("{\"message\":\"say \\\"hi\\\"\",\"offset\":42,\"ok\":true,\"ratio\":0.5,"
                + "\"tags\":[\"a\",1,null],\"nested\":{\"deep\":[1,2]},\"nan\":\"NaN\"}", value.value());
    }

    @Test
    void nullDropsTheLine() {
        LineFormatter formatter = inline("line.text.contains('health') ? null : line.text");
        assertNull(formatter.format(new Line("GET /health", "/a", 0, "h", "s")));
        assertEquals("GET /", formatter.format(new Line("GET /", "/a", 0, "h", "s")).value());
    }

    @Test
    void anotherKindOfResultIsAFailureThatNamesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> inline("42").format(LINE));
        assertTrue(e.getMessage().contains("java.lang.Integer"), e.getMessage());
    }

    @Test
    void anNginxCombinedLineBecomesFields() {
        Line access = new Line("203.0.113.9 - frank [10/Oct/2026:13:55:36 +0000] \"GET /a.gif HTTP/1.1\" 200 2326 "
                + "\"http://example.com/\" \"curl/8.5\"", "/var/log/nginx/access.log", 0, "h", "s");
        assertEquals("{\"client\":\"203.0.113.9\",\"user\":\"frank\",\"time\":\"10/Oct/2026:13:55:36 +0000\","
                + "\"method\":\"GET\",\"path\":\"/a.gif\",\"status\":200,\"bytes\":2326,\"referrer\":\"http://example.com/\","
                + "\"agent\":\"curl/8.5\"}", inline(NGINX_COMBINED).format(access).value());
        assertEquals("not a log line", inline(NGINX_COMBINED).format(new Line("not a log line", "/a", 0, "h", "s")).value());
    }

    @Test
    void aTypedScriptIsCompiledStaticallyAndAnUntypedOneDynamically() {
        try (GroovyCompiler.Compiled typed = GroovyCompiler.compile("typed.groovy", NGINX_COMBINED);
             GroovyCompiler.Compiled untyped = GroovyCompiler.compile("untyped.groovy",
                     "seen = binding.hasVariable('seen') ? seen + 1 : 1; \"${seen}:${line.text}\"")) {
            assertTrue(typed.statically());
            assertFalse(untyped.statically());
        }
        LineFormatter counting = inline("seen = binding.hasVariable('seen') ? seen + 1 : 1; \"${seen}:${line.text}\"");
        assertEquals("1:a", counting.format(new Line("a", "/a", 0, "h", "s")).value());
        assertEquals("2:b", counting.format(new Line("b", "/a", 2, "h", "s")).value());
    }

    @Test
    void aScriptThatDoesNotCompileIsAConfigErrorWithItsLineNumber() throws Exception {
        Path script = dir.resolve("broken.groovy");
        Files.writeString(script, "def ok = 1\n\nline.text +* 2\n");
        ConfigException file = assertThrows(ConfigException.class,
                () -> create(Map.of(GroovyFormat.FILE_CONFIG, script.toString())));
        assertTrue(file.getMessage().contains("for configuration format.groovy.file: the script does not compile"), file.getMessage());
        assertTrue(file.getMessage().contains("broken.groovy: 3:"), file.getMessage());
        assertTrue(file.getMessage().contains("@ line 3, column"), file.getMessage());

        ConfigException inline = assertThrows(ConfigException.class,
                () -> create(Map.of(GroovyFormat.SCRIPT_CONFIG, "[a: ")));
        assertTrue(inline.getMessage().contains("for configuration format.groovy.script"), inline.getMessage());
        assertTrue(inline.getMessage().contains("@ line 1"), inline.getMessage());
    }

    @Test
    void theScriptMustBeGivenOnceAndReadable() {
        assertThrows(ConfigException.class, () -> create(Map.of()));
        assertThrows(ConfigException.class, () -> create(Map.of(GroovyFormat.FILE_CONFIG, "/a.groovy",
                GroovyFormat.SCRIPT_CONFIG, "line.text")));
        ConfigException missing = assertThrows(ConfigException.class,
                () -> create(Map.of(GroovyFormat.FILE_CONFIG, dir.resolve("none.groovy").toString())));
        assertTrue(missing.getMessage().contains("cannot be read"), missing.getMessage());
        assertThrows(ConfigException.class, () -> create(Map.of(GroovyFormat.FILE_CONFIG, "relative.groovy")));
    }

    @Test
    void anEditedFileIsUsedFromTheNextLookAndABrokenEditKeepsThePreviousVersion() throws Exception {
        Path script = dir.resolve("format.groovy");
        Files.writeString(script, "'v1:' + line.text");
        LineFormatter formatter = create(Map.of(GroovyFormat.FILE_CONFIG, script.toString(), "scan.interval.ms", "0"));
        assertEquals("v1:a", formatter.format(new Line("a", "/a", 0, "h", "s")).value());

        Files.writeString(script, "'version 2:' + line.text");
        assertEquals("version 2:b", formatter.format(new Line("b", "/a", 2, "h", "s")).value());

        Files.writeString(script, "'v3:' + line.text +");
        assertEquals("version 2:c", formatter.format(new Line("c", "/a", 4, "h", "s")).value());

        Files.delete(script);
        assertEquals("version 2:d", formatter.format(new Line("d", "/a", 6, "h", "s")).value());

        Files.writeString(script, "'v4:' + line.text");
        assertEquals("v4:e", formatter.format(new Line("e", "/a", 8, "h", "s")).value());
        ((AutoCloseable) formatter).close();
    }

    @Test
    void anEditIsLookedForOncePerScanInterval() throws Exception {
        Path script = dir.resolve("format.groovy");
        Files.writeString(script, "'v1:' + line.text");
        LineFormatter formatter = create(Map.of(GroovyFormat.FILE_CONFIG, script.toString(), "scan.interval.ms", "3600000"));
        Files.writeString(script, "'version 2:' + line.text");
        assertEquals("v1:a", formatter.format(new Line("a", "/a", 0, "h", "s")).value());
    }

    @Test
    void theExampleDropsHealthChecksAndMasksEmailAddresses() {
        LineFormatter formatter = inline(DROP_AND_MASK);
        assertNull(formatter.format(new Line("10.0.0.1 - - [x] \"GET /health HTTP/1.1\" 200 2", "/a", 0, "h", "s")));
        assertEquals("user <email> logged in, cc <email>", formatter.format(
                new Line("user jane.doe+x@mail.example.com logged in, cc bob@example.org", "/a", 0, "h", "s")).value());
    }

    private static String example(String name) {
        try {
            return Files.readString(Path.of("examples", name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static LineFormatter inline(String script) {
        return create(Map.of(GroovyFormat.SCRIPT_CONFIG, script));
    }

    private static LineFormatter create(Map<String, String> config) {
        return new GroovyFormat().create(config);
    }
}
