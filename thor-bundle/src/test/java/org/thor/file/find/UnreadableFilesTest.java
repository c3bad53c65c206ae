package org.thor.file.find;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnreadableFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFileIsListedOnceUntilItOpens() throws Exception {
        Path locked = Files.createFile(dir.resolve("locked.log"));
        UnreadableFiles unreadable = new UnreadableFiles(dir + "/*.log");
        unreadable.failed(locked, new AccessDeniedException(locked.toString()));
        unreadable.failed(locked, new AccessDeniedException(locked.toString()));
        assertEquals(List.of(locked), unreadable.paths());
        unreadable.opened(locked);
        assertEquals(List.of(), unreadable.paths());
    }

    @Test
    void aFileNoLongerAtItsPathIsForgotten() throws Exception {
        Path locked = Files.createFile(dir.resolve("locked.log"));
        Path loop = Files.createSymbolicLink(dir.resolve("loop.log"), dir.resolve("loop.log"));
        UnreadableFiles unreadable = new UnreadableFiles(dir + "/*.log");
        unreadable.failed(locked, new AccessDeniedException(locked.toString()));
        unreadable.failed(loop, new FileSystemException(loop.toString(), null, "Too many levels of symbolic links"));
        Files.delete(locked);
        unreadable.forgetGone();
        assertEquals(List.of(loop), unreadable.paths(), "a symlink loop is still there, though nothing it leads to is");
    }
}
