package org.thor.file.find;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thor.file.identity.FileKeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SameFileTest {

    @TempDir
    Path dir;

    @Test
    void aFileRenamedOnIsFoundByItsIdentity() throws Exception {
        Path copy = Files.writeString(dir.resolve("app.log.2"), "line 1\n");
        Files.writeString(dir.resolve("app.log.1"), "line 2\n");
        String key = FileKeys.stat(copy).key();
        Files.move(copy, dir.resolve("app.log.3"));
        assertEquals(Optional.of(dir.resolve("app.log.3")), SameFile.beside(copy, key));
    }

    @Test
    void aFileRemovedIsFoundNowhere() throws Exception {
        Path copy = Files.writeString(dir.resolve("app.log.2"), "line 1\n");
        String key = FileKeys.stat(copy).key();
        Files.delete(copy);
        assertEquals(Optional.empty(), SameFile.beside(copy, key));
    }
}
