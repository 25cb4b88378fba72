package io.github.camelicloud.app.credentials;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Bounds every keyring call in time: a locked keyring may pop up an unlock prompt nobody answers, and a
 * D-Bus peer may never reply; a sync must go on without the keyring rather than hang. Any failure becomes
 * {@link KeyringUnavailableException}.
 */
final class GuardedKeyring implements Keyring {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Keyring delegate;

    GuardedKeyring(Keyring delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<String> password(String username) {
        return call(() -> delegate.password(username));
    }

    @Override
    public void store(String username, String password) {
        call(() -> {
            delegate.store(username, password);
            return null;
        });
    }

    @Override
    public boolean delete(String username) {
        return call(() -> delegate.delete(username));
    }

    private static <T> T call(Supplier<T> operation) {
        FutureTask<T> task = new FutureTask<>(operation::get);
        Thread thread = new Thread(task, "keyring");
        thread.setDaemon(true); // an unanswered prompt must not keep the JVM alive
        thread.start();
        try {
            return task.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            throw new KeyringUnavailableException("no answer within " + TIMEOUT.toSeconds() + " s; is it locked?", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof KeyringUnavailableException k) {
                throw k;
            }
            throw new KeyringUnavailableException(cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                    cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyringUnavailableException("interrupted", e);
        }
    }
}
