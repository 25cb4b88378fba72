package io.github.camelicloud.app.credentials;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;

/** macOS Keychain and Windows Credential Manager, through java-keyring (service and account, as icloudpd). */
final class NativeKeyring implements Keyring {

    @Override
    public Optional<String> password(String username) {
        try (com.github.javakeyring.Keyring keyring = open()) {
            return Optional.ofNullable(keyring.getPassword(SERVICE, username)).filter(p -> !p.isEmpty());
        } catch (PasswordAccessException e) {
            return Optional.empty(); // java-keyring's way of saying "no such entry"
        } catch (Exception e) {
            throw unavailable(e);
        }
    }

    @Override
    public void store(String username, String password) {
        try (com.github.javakeyring.Keyring keyring = open()) {
            keyring.setPassword(SERVICE, username, password);
        } catch (Exception e) {
            throw unavailable(e);
        }
    }

    @Override
    public boolean delete(String username) {
        try (com.github.javakeyring.Keyring keyring = open()) {
            keyring.deletePassword(SERVICE, username);
            return true;
        } catch (PasswordAccessException e) {
            return false;
        } catch (Exception e) {
            throw unavailable(e);
        }
    }

    private static com.github.javakeyring.Keyring open() throws BackendNotSupportedException {
        return com.github.javakeyring.Keyring.create();
    }

    private static KeyringUnavailableException unavailable(Exception e) {
        return e instanceof KeyringUnavailableException k ? k
                : new KeyringUnavailableException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
}
