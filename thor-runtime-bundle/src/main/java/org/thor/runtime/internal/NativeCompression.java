package org.thor.runtime.internal;

import net.jpountz.util.Native;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the producers compress lz4 (the distribution's {@code producer.compression.type}) with
 * lz4-java's native library. Loaded by a bundle's class loader, lz4-java never tries that library
 * by itself (only from the system class loader, or once it is loaded) and compresses in Java
 * instead, which cost a sixth of the worker's CPU in the benchmark's profile.
 */
final class NativeCompression {

    private static final Logger log = LoggerFactory.getLogger(NativeCompression.class);

    private NativeCompression() {
    }

    static void enable() {
        try {
            Native.load();
            log.debug("lz4 compresses with its native library");
        } catch (LinkageError | RuntimeException e) {
            // a platform lz4-java ships no library for: it compresses in Java, as before
            log.info("lz4 compresses in Java: its native library did not load ({})", e.toString());
        }
    }
}
