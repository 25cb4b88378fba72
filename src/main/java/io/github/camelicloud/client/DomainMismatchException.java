package io.github.camelicloud.client;

/** Apple says the account belongs to the other iCloud domain (com vs cn). */
public class DomainMismatchException extends ICloudServiceException {

    public DomainMismatchException(String domainToUse) {
        super("Apple insists on using " + domainToUse + " for this account. Please use the --domain parameter"
                + " (--domain cn for iCloud.com.cn, --domain com for iCloud.com).", 0, "DOMAIN_TO_USE");
    }
}
