package org.thor.file.read;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes line bytes. Invalid bytes become U+FFFD (the JDK's replacement), never vanish; a line
 * that needed a replacement is counted. The strict check runs only when the fast decode produced a
 * U+FFFD, which is rare, so valid input pays nothing for the counting.
 */
public final class LineDecoder {

    private final Charset charset;
    private final CharsetDecoder strict;
    private final char replacement;

    public LineDecoder(Charset charset) {
        this.charset = charset;
        this.strict = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String replaced = charset.newDecoder().replacement();
        this.replacement = replaced.isEmpty() ? '\uFFFD' : replaced.charAt(0);
    }

    /** The text of the bytes; {@code invalid[0]} is set when some had to be replaced. */
    public String decode(byte[] bytes, int offset, int length, boolean[] invalid) {
        String text = new String(bytes, offset, length, charset);
        invalid[0] = text.indexOf(replacement) >= 0 && !strictlyValid(bytes, offset, length);
        return text;
    }

    private boolean strictlyValid(byte[] bytes, int offset, int length) {
        try {
            strict.reset().decode(ByteBuffer.wrap(bytes, offset, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
