package org.thor.file.tracking;
/** Whether a file is still shown by its stream's directory listings, or gone. */
public final class ListingPresence {

    /**
     * A directory listing made while a file is renamed may show it under neither name (readdir
     * promises nothing about entries changed meanwhile), so one listing cannot tell it is gone.
     */
    public static final int LISTINGS_TO_BE_GONE = 2;

    private int missedListings;
    /** Missing from {@value #LISTINGS_TO_BE_GONE} listings in a row. */
    private boolean gone;

    /** Records whether the latest listing showed the file; returns whether it is gone. */
    boolean listed(boolean shown) {
        missedListings = shown ? 0 : missedListings + 1;
        gone = missedListings >= LISTINGS_TO_BE_GONE;
        return gone;
    }

    boolean gone() {
        return gone;
    }

    /** Missing from the latest listing, but not yet from enough of them to be gone. */
    boolean perhapsGone() {
        return missedListings > 0 && !gone;
    }
}
