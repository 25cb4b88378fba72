package io.github.camelicloud.app.credentials;

/** icloudpd's {@code --password-provider} values; the order given on the command line is the lookup order. */
public enum PasswordProviderKind {
    /** {@code --password}. */
    parameter,
    /** The {@code ICLOUD_PASSWORD} environment variable. */
    env,
    /** The system keyring; a password that worked is saved there when this provider is on. */
    keyring,
    /** Asked on the terminal, without echo (never from piped input: that carries the MFA code). */
    console,
    /** Typed into the web page ({@code --webui-port}). */
    webui
}
