package org.thor.runtime.rest;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A login to a JAAS realm (Karaf's {@code karaf} realm by default: {@code etc/users.properties})
 * with a name and a password; the roles of the user it yields.
 */
final class RealmLogin {

    private final String realm;

    RealmLogin(String realm) {
        this.realm = realm;
    }

    String realm() {
        return realm;
    }

    /** The user's roles, or empty when the realm refuses the name and password. */
    Optional<Set<String>> roles(String user, char[] password) {
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        // the realm's login modules are loaded through the context loader
        thread.setContextClassLoader(RealmLogin.class.getClassLoader());
        try {
            Subject subject = new Subject();
            LoginContext login = new LoginContext(realm, subject, callbacks -> answer(callbacks, user, password));
            login.login();
            Set<String> roles = subject.getPrincipals(RolePrincipal.class).stream()
                    .map(RolePrincipal::getName).collect(Collectors.toUnmodifiableSet());
            login.logout();
            return Optional.of(roles);
        } catch (LoginException e) {
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(saved);
        }
    }

    /**
     * Answers name and password only. Karaf's realm also holds a public-key module that asks for
     * other callbacks: refusing them makes that module fail, and the password module decides.
     */
    private static void answer(Callback[] callbacks, String user, char[] password) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(user);
            } else if (callback instanceof PasswordCallback secret) {
                secret.setPassword(password);
            } else {
                throw new UnsupportedCallbackException(callback, "HTTP Basic gives a name and a password only");
            }
        }
    }
}
