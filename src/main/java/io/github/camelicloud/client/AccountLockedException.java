package io.github.camelicloud.client;

/** Apple locked the account (too many attempts or a security hold). */
public class AccountLockedException extends ICloudServiceException {

    public AccountLockedException(String username, int statusCode, String code) {
        super("Apple has locked the Apple Account " + username + " for security reasons. Unlock it at"
                + " https://iforgot.apple.com (or on a trusted device), then sign in again.", statusCode, code);
    }
}
