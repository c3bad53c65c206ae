package org.thor.runtime.fleet;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FleetKeyTest {

    @Test
    void aKeyIsItsTargetThenTheConnectorAfterTheFirstSlash() {
        assertEquals(new FleetKey(FleetTarget.ALL, "nginx"), FleetKey.parse("all/nginx"));
        assertEquals(new FleetKey(FleetTarget.label("web"), "a/b"), FleetKey.parse("label:web/a/b"));
        assertEquals("host:web-1/nginx", FleetKey.parse("host:web-1/nginx").toString());
    }

    @Test
    void targetsMatchByLabelOrName() {
        assertTrue(FleetTarget.parse("all").matches("h", List.of()));
        assertTrue(FleetTarget.parse("label:web").matches("h", List.of("db", "web")));
        assertFalse(FleetTarget.parse("label:web").matches("web", List.of("db")));
        assertTrue(FleetTarget.parse("host:h").matches("h", List.of()));
        assertFalse(FleetTarget.parse("host:h").matches("h2", List.of("h")));
    }

    @Test
    void malformedKeysAreRefused() {
        for (String bad : new String[] {"nginx", "all/", "label:/nginx", "host:/x", "everyone/nginx"}) {
            assertThrows(IllegalArgumentException.class, () -> FleetKey.parse(bad), bad);
        }
    }
}
