package org.thor.itests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** An integration test class that runs against one {@link ThorStack}, booted before its tests and stopped after them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ThorStackTest {

    ThorStack stack;
    ThorKaraf karaf;

    /** The stack this class's tests run against. */
    abstract ThorStack boot() throws Exception;

    @BeforeAll
    final void bootTheStack() throws Exception {
        stack = boot();
        karaf = stack.karaf();
    }

    @AfterAll
    final void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }
}
