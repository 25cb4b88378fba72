package io.github.camelicloud.app.credentials;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.ObjectPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.secret.Collection;
import org.freedesktop.secret.Item;
import org.freedesktop.secret.Pair;
import org.freedesktop.secret.Secret;
import org.freedesktop.secret.Service;
import org.freedesktop.secret.TransportEncryption;

/**
 * The freedesktop Secret Service (GNOME Keyring, KeePassXC, KWallet 6), default collection, with the
 * attributes Python's keyring library uses ({@code service}, {@code username}): icloudpd's entries are ours.
 * Uses the Secret Service calls directly: java-keyring's Linux backend names the attributes differently, and
 * its helper class locks the user's default keyring to force an unlock prompt before every deletion. This
 * class never prompts: a locked keyring is reported as unavailable.
 */
final class SecretServiceKeyring implements Keyring {

    private static final DBusPath DEFAULT_COLLECTION = new DBusPath("/org/freedesktop/secrets/aliases/default");
    private static final String NO_PROMPT = "/";

    @Override
    public Optional<String> password(String username) {
        return withCollection((transport, collection) -> {
            List<ObjectPath> items = items(collection, username);
            if (items.isEmpty()) {
                return Optional.empty();
            }
            Service service = transport.getService();
            Secret secret = new Item(items.get(0), service).getSecret(new ObjectPath("",
                    service.getSession().getObjectPath()));
            if (secret == null) {
                throw new KeyringUnavailableException("the Secret Service did not return the password", null);
            }
            try (secret) {
                char[] password = transport.decrypt(secret);
                return password.length == 0 ? Optional.empty() : Optional.of(new String(password));
            }
        });
    }

    @Override
    public void store(String username, String password) {
        withCollection((transport, collection) -> {
            Map<String, String> attributes = Map.of("service", SERVICE, "username", username,
                    "application", "camel-icloud");
            String label = "Password for '" + username + "' on '" + SERVICE + "'"; // Python keyring's label
            try (Secret secret = transport.encrypt(password)) {
                Pair<ObjectPath, ObjectPath> created = collection.createItem(Item.createProperties(label, attributes),
                        secret, true);
                if (created == null || NO_PROMPT.equals(created.a.getPath())) {
                    throw new KeyringUnavailableException("the Secret Service wants a confirmation to store it", null);
                }
            }
            return null;
        });
    }

    @Override
    public boolean delete(String username) {
        return withCollection((transport, collection) -> {
            List<ObjectPath> items = items(collection, username);
            for (ObjectPath item : items) {
                ObjectPath prompt = new Item(item, transport.getService()).delete();
                if (prompt == null || !NO_PROMPT.equals(prompt.getPath())) {
                    throw new KeyringUnavailableException("the Secret Service wants a confirmation to delete it",
                            null);
                }
            }
            return !items.isEmpty();
        });
    }

    private static List<ObjectPath> items(Collection collection, String username) {
        List<ObjectPath> items = collection.searchItems(Map.of("service", SERVICE, "username", username));
        if (items == null) {
            throw new KeyringUnavailableException("the default keyring could not be searched", null);
        }
        return items;
    }

    private interface CollectionCall<T> {
        T apply(TransportEncryption transport, Collection collection) throws Exception;
    }

    /** One private D-Bus connection per call: short-lived CLI use, nothing shared to leak or lock. */
    private static <T> T withCollection(CollectionCall<T> call) {
        String bus = System.getenv("DBUS_SESSION_BUS_ADDRESS");
        if (bus == null || !bus.contains("=")) {
            throw new KeyringUnavailableException("no D-Bus session: DBUS_SESSION_BUS_ADDRESS is not set", null);
        }
        try (DBusConnection connection = DBusConnectionBuilder.forSessionBus().withShared(false).build();
                TransportEncryption transport = new TransportEncryption(connection)) {
            transport.initialize();
            if (!transport.openSession()) {
                throw new KeyringUnavailableException("no Secret Service on the D-Bus session", null);
            }
            transport.generateSessionKey();
            Collection collection = new Collection(DEFAULT_COLLECTION, transport.getService());
            if (collection.isLocked()) {
                throw new KeyringUnavailableException("the default keyring is locked; unlock it and try again", null);
            }
            return call.apply(transport, collection);
        } catch (KeyringUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw new KeyringUnavailableException("D-Bus: " + e.getMessage(), e);
        }
    }
}
