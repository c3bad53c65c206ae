package org.thor.runtime.rest;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.TextInputCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RestAuthenticationTest {

    private Configuration saved;

    @Test
    void autoAsksForCredentialsAsSoonAsOneListenerIsBeyondLoopback() {
        assertFalse(RestAuthMode.AUTO.requiresCredentials(List.of("http://127.0.0.1:8083", "http://localhost:8084")));
        assertFalse(RestAuthMode.AUTO.requiresCredentials(List.of("https://[::1]:8443")));
        assertTrue(RestAuthMode.AUTO.requiresCredentials(List.of("http://127.0.0.1:8083", "http://0.0.0.0:8084")));
        assertTrue(RestAuthMode.AUTO.requiresCredentials(List.of("http://:8083")), "an empty host binds every interface");
        assertTrue(RestAuthMode.AUTO.requiresCredentials(List.of("http://192.0.2.10:8083")));
        assertTrue(RestAuthMode.BASIC.requiresCredentials(List.of("http://127.0.0.1:8083")));
        assertFalse(RestAuthMode.NONE.requiresCredentials(List.of("http://0.0.0.0:8083")));
        assertEquals(RestAuthMode.BASIC, RestAuthMode.parse(" Basic "));
        assertThrows(IllegalArgumentException.class, () -> RestAuthMode.parse("yes"));
    }

    @Test
    void viewersReadAndAdminsAlsoChange() {
        assertTrue(RestAccess.allows(Set.of("viewer"), "GET"));
        assertTrue(RestAccess.allows(Set.of("viewer"), "HEAD"));
        assertFalse(RestAccess.allows(Set.of("viewer"), "PUT"));
        assertFalse(RestAccess.allows(Set.of("viewer"), "DELETE"));
        assertTrue(RestAccess.allows(Set.of("admin"), "POST"));
        assertTrue(RestAccess.allows(Set.of("admin", "manager", "viewer"), "PATCH"));
        assertFalse(RestAccess.allows(Set.of("ssh"), "GET"));
        assertFalse(RestAccess.allows(Set.of(), "GET"));
    }

    @BeforeEach
    void installARealmLikeKarafs() {
        saved = Configuration.getConfiguration();
        // as Karaf's karaf realm: a public-key module that asks for a callback Basic cannot answer, then the password module
        Configuration.setConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                if (!name.equals("test")) {
                    return null;
                }
                return new AppConfigurationEntry[] {
                        new AppConfigurationEntry(PublicKeyLikeModule.class.getName(),
                                AppConfigurationEntry.LoginModuleControlFlag.SUFFICIENT, Map.of()),
                        new AppConfigurationEntry(UsersModule.class.getName(),
                                AppConfigurationEntry.LoginModuleControlFlag.SUFFICIENT, Map.of())};
            }
        });
    }

    @AfterEach
    void restoreTheRealms() {
        Configuration.setConfiguration(saved);
    }

    @Test
    void aRealmLoginGivesTheUsersRolesAndRefusesAWrongPassword() {
        RealmLogin login = new RealmLogin("test");
        assertEquals(Optional.of(Set.of("viewer")), login.roles("reader", "read-secret".toCharArray()));
        assertEquals(Optional.of(Set.of("admin", "viewer")), login.roles("operator", "op:secret".toCharArray()));
        assertEquals(Optional.empty(), login.roles("reader", "wrong".toCharArray()));
        assertEquals(Optional.empty(), login.roles("nobody", "x".toCharArray()));
        assertEquals(Optional.empty(), new RealmLogin("no-such-realm").roles("reader", "read-secret".toCharArray()));
    }

    /** Asks for a callback HTTP Basic has no answer to, as Karaf's PublickeyLoginModule does. */
    public static final class PublicKeyLikeModule extends Module {
        @Override
        public boolean login() throws LoginException {
            try {
                handler.handle(new Callback[] {new NameCallback("user"), new TextInputCallback("public key")});
            } catch (UnsupportedCallbackException | IOException e) {
                throw new FailedLoginException("no public key: " + e.getMessage());
            }
            throw new FailedLoginException("no public key");
        }
    }

    /** Two users, as etc/users.properties would hold them. */
    public static final class UsersModule extends Module {
        private static final Map<String, String> PASSWORDS = Map.of("reader", "read-secret", "operator", "op:secret");
        private static final Map<String, List<String>> ROLES = Map.of("reader", List.of("viewer"), "operator", List.of("admin", "viewer"));
        private String user;

        @Override
        public boolean login() throws LoginException {
            NameCallback name = new NameCallback("user");
            PasswordCallback password = new PasswordCallback("password", false);
            try {
                handler.handle(new Callback[] {name, password});
            } catch (UnsupportedCallbackException | IOException e) {
                throw new LoginException(e.toString());
            }
            if (!new String(password.getPassword()).equals(PASSWORDS.get(name.getName()))) {
                throw new FailedLoginException("wrong password");
            }
            user = name.getName();
            return true;
        }

        @Override
        public boolean commit() {
            ROLES.get(user).forEach(role -> subject.getPrincipals().add(new RolePrincipal(role)));
            return true;
        }
    }

    public abstract static class Module implements LoginModule {
        Subject subject;
        CallbackHandler handler;

        @Override
        public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState, Map<String, ?> options) {
            this.subject = subject;
            this.handler = handler;
        }

        @Override
        public boolean commit() {
            return false;
        }

        @Override
        public boolean abort() {
            return true;
        }

        @Override
        public boolean logout() {
            return true;
        }
    }
}
