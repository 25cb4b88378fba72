package io.github.camelicloud.client.auth;

/** A trusted phone number an SMS code can be sent to; the number is shown obfuscated, as Apple sends it. */
public record TrustedPhone(long id, String obfuscatedNumber, String pushMode) {
}
