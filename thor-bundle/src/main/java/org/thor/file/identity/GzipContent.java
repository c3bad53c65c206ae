package org.thor.file.identity;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A gzip file's decompressed content, read forward; reading an earlier position decompresses
 * again from the start. A file that ends early or holds bad data reads as ended, with
 * {@link #damage()} saying why: it may still be being written, or it may be broken for good.
 */
public final class GzipContent implements FileContent, AutoCloseable {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final FileChannel channel;
    private InputStream in;
    private long position;
    private boolean ended;
    private IOException damage;

    public GzipContent(FileChannel channel) {
        this.channel = channel;
    }

    @Override
    public int read(ByteBuffer into, long at) throws IOException {
        if (in == null || at < position) {
            restart();
        }
        if (damage != null) {
            return -1;
        }
        try {
            while (position < at) {
                long skipped = in.skip(at - position);
                if (skipped <= 0) {
                    return end();
                }
                position += skipped;
            }
            int read = in.read(into.array(), into.arrayOffset() + into.position(), into.remaining());
            if (read < 0) {
                return end();
            }
            into.position(into.position() + read);
            position += read;
            return read;
        } catch (EOFException | ZipException e) {
            damage = e;
            return -1;
        }
    }

    /** Whether all of the content has been read and the file ended where gzip says it should. */
    public boolean ended() {
        return ended;
    }

    /** Why the content ended early (a truncated or corrupt file), or null. */
    public IOException damage() {
        return damage;
    }

    private int end() {
        ended = true;
        return -1;
    }

    /** Frees the decompressor; the channel stays open, it belongs to the caller. */
    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
            in = null;
        }
    }

    private void restart() throws IOException {
        close();
        channel.position(0);
        position = 0;
        ended = false;
        damage = null;
        InputStream compressed = new FilterInputStream(Channels.newInputStream(channel)) {
            @Override
            public void close() {
                // the channel is the caller's to close
            }
        };
        try {
            in = new GZIPInputStream(compressed, BUFFER_BYTES);
        } catch (EOFException | ZipException e) {
            in = InputStream.nullInputStream();
            damage = e;
        }
    }
}
