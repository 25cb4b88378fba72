package io.github.camelicloud.simulator.state;

/**
 * A trusted phone number as Apple shows it: only the last two digits are real.
 *
 * @param id            the id clients send back in verify/phone
 * @param lastTwoDigits the visible digits
 */
public record TrustedPhone(int id, String lastTwoDigits) {

    public String obfuscatedNumber() {
        return "(•••) •••-••" + lastTwoDigits;
    }

    public String numberWithDialCode() {
        return "+1 (•••) •••-••" + lastTwoDigits;
    }
}
