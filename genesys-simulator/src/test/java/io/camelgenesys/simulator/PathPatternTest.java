package io.camelgenesys.simulator;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathPatternTest {

    @Test
    void literalsVariablesAndGlobs() {
        assertTrue(PathPattern.compile("/api/v2/items").matches("/api/v2/items"));
        assertTrue(PathPattern.compile("/api/v2/items").matches("/api/v2/items/"));
        assertFalse(PathPattern.compile("/api/v2/items").matches("/api/v2/items/1"));
        assertEquals(Map.of("id", "42", "n", "x"), PathPattern.compile("/items/{id}/notes/{n}").match("/items/42/notes/x"));
        assertNull(PathPattern.compile("/items/{id}").match("/items"));
        assertTrue(PathPattern.compile("/items/*").matches("/items/1"));
        assertFalse(PathPattern.compile("/items/*").matches("/items/1/2"));
        assertTrue(PathPattern.compile("/items/a*z").matches("/items/abcz"));
        assertFalse(PathPattern.compile("/items/a*z").matches("/items/abc"));
    }

    @Test
    void rest() {
        PathPattern all = PathPattern.compile("/statistics/v3/notifications/**");
        assertTrue(all.matches("/statistics/v3/notifications"));
        assertTrue(all.matches("/statistics/v3/notifications/handshake"));
        assertTrue(all.matches("/statistics/v3/notifications/a/b"));
        assertFalse(all.matches("/statistics/v3/other"));
        PathPattern prefix = PathPattern.compile("/api/v2/contacts**");
        assertTrue(prefix.matches("/api/v2/contacts"));
        assertTrue(prefix.matches("/api/v2/contacts/1/x"));
        assertFalse(prefix.matches("/api/v2/users"));
        assertThrows(IllegalArgumentException.class, () -> PathPattern.compile("/a/**/b"));
        assertThrows(IllegalArgumentException.class, () -> PathPattern.compile("a"));
    }

    @Test
    void specificity() {
        PathPattern literal = PathPattern.compile("/items/scan");
        PathPattern variable = PathPattern.compile("/items/{id}");
        PathPattern rest = PathPattern.compile("/items/**");
        assertTrue(literal.compareSpecificity(variable) < 0);
        assertTrue(variable.compareSpecificity(rest) < 0);
        assertTrue(rest.compareSpecificity(literal) > 0);
    }

    @Test
    void authStyleOfPaths() {
        assertEquals(Auth.CLOUD, Auth.forPath("/api/v2/externalcontacts/contacts"));
        assertEquals(Auth.WEB_SERVICES, Auth.forPath("/api/v2/contacts"));
        assertEquals(Auth.WEB_SERVICES, Auth.forPath("/api/v2/contacts/1"));
        assertEquals(Auth.CLOUD, Auth.forPath("/api/v2/contactsearch"));
        assertEquals(Auth.MULTICLOUD, Auth.forPath("/statistics/v3/subscriptions"));
        assertEquals(Auth.MULTICLOUD, Auth.forPath("/nexus/v3/chat"));
        assertEquals(Auth.MULTICLOUD, Auth.forPath("/udm/v10/jobs"));
        assertEquals(Auth.NONE, Auth.forPath("/oauth/token"));
        assertEquals(Auth.NONE, Auth.forPath("/"));
    }
}
