package io.github.camelicloud.simulator.setup;

import io.github.camelicloud.simulator.hosts.PublicHosts;
import io.github.camelicloud.simulator.http.Request;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.AccountFlag;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.state.AccountIdentity;
import io.github.camelicloud.simulator.state.AccountState;
import io.github.camelicloud.simulator.state.HsaStatus;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The accountLogin/validate body (§4.2), in the key order of the cassettes. Every webservice points at
 * the simulator's base URL so a client that follows {@code webservices.ckdatabasews.url} stays local.
 */
final class AccountDataFactory {

    private static final String[][] WEBSERVICES = {
        {"reminders", ""}, {"ckdatabasews", "pcs"}, {"photosupload", "pcs"}, {"photos", "pcs,upload"},
        {"drivews", "pcs"}, {"uploadimagews", ""}, {"cksharews", ""}, {"findme", ""}, {"ckdeviceservice", "nostatus"},
        {"iworkthumbnailws", ""}, {"mccgateway", ""}, {"calendar", ""}, {"docws", "pcs"}, {"settings", ""},
        {"premiummailsettings", ""}, {"ubiquity", ""}, {"keyvalue", ""}, {"mpp", ""}, {"archivews", ""}, {"push", ""},
        {"iwmb", ""}, {"iworkexportws", ""}, {"sharedlibrary", ""}, {"geows", ""}, {"account", "env"},
        {"contacts", ""}, {"developerapi", ""}, {"sharedstreams", ""},
    };

    private AccountDataFactory() {
    }

    static ObjectNode build(AccountState account, HsaStatus hsa, PublicHosts hosts, Request request, String country) {
        boolean hsaAccount = account.account().signInMode() != AccountFlag.NO_MFA;
        boolean adp = account.has(AccountFlag.ADP);
        ObjectNode root = Json.object();
        root.set("dsInfo", dsInfo(account, hsaAccount, adp, country));
        root.put("hasMinimumDeviceForPhotosWeb", true);
        root.put("iCDPEnabled", adp);
        root.set("webservices", webservices(hosts, request));
        root.put("pcsEnabled", true);
        root.set("configBag", configBag(hosts, request));
        if (hsaAccount) {
            root.put("hsaTrustedBrowser", hsa.trustedBrowser());
        }
        ArrayNode order = root.putArray("appsOrder");
        for (String app : new String[] {"mail", "contacts", "calendar", "photos", "iclouddrive", "notes3", "reminders",
            "pages", "numbers", "keynote", "newspublisher", "find", "settings"}) {
            order.add(app);
        }
        root.put("version", 2);
        root.put("isExtendedLogin", true);
        root.put("pcsServiceIdentitiesIncluded", false);
        if (hsaAccount) {
            root.put("hsaChallengeRequired", hsa.challengeRequired());
        }
        root.putObject("requestInfo").put("country", "US").put("timeZone", "EST").put("region", "NC");
        root.put("pcsDeleted", false);
        root.putObject("iCloudInfo").put("SafariBookmarksHasMigratedToCloudKit", false);
        root.set("apps", apps());
        return root;
    }

    private static ObjectNode dsInfo(AccountState account, boolean hsaAccount, boolean adp, String country) {
        AccountIdentity id = account.identity();
        String email = account.email();
        ObjectNode ds = Json.object();
        ds.put("lastName", id.lastName());
        ds.put("iCDPEnabled", adp);
        ds.put("tantorMigrated", false);
        ds.put("dsid", id.dsid());
        if (hsaAccount) {
            ds.put("hsaEnabled", true);
        }
        ds.put("ironcadeMigrated", true);
        ds.put("locale", "en-us_US");
        ds.put("brZoneConsolidated", false);
        ds.put("ICDRSCapableDeviceList", "");
        ds.put("isManagedAppleID", false);
        ds.put("isCustomDomainsFeatureAvailable", true);
        ds.put("isHideMyEmailFeatureAvailable", true);
        ds.putArray("ContinueOnDeviceEligibleDeviceInfo");
        ds.put("gilligan-invited", true);
        ds.putArray("appleIdAliases");
        if (hsaAccount) {
            ds.put("hsaVersion", account.account().signInMode() == AccountFlag.TWO_SA ? 1 : 2);
        }
        ds.put("ubiquityEOLEnabled", true);
        ds.put("isPaidDeveloper", false);
        ds.put("countryCode", country);
        ds.put("notificationId", UUID.nameUUIDFromBytes(("notification:" + email).getBytes(StandardCharsets.UTF_8))
                .toString());
        ds.put("primaryEmailVerified", true);
        ds.put("aDsID", id.aDsId());
        ds.put("locked", false);
        ds.put("ICDRSCapableDeviceCount", 0);
        // 2SA accounts have no qualifying device (that is what makes them 2SA in §5.1).
        ds.put("hasICloudQualifyingDevice", account.account().signInMode() != AccountFlag.TWO_SA);
        ds.put("primaryEmail", email);
        ds.putArray("appleIdEntries").addObject().put("isPrimary", true).put("type", "EMAIL").put("value", email);
        ds.put("gilligan-enabled", true);
        // ADP with web access turned off is what makes CloudKit answer ACCESS_DENIED.
        ds.put("isWebAccessAllowed", !adp);
        ds.put("fullName", id.fullName());
        ObjectNode mail = ds.putObject("mailFlags");
        mail.put("isThreadingAvailable", false);
        mail.put("isSearchV2Provisioned", false);
        ArrayNode bits = mail.putArray("rawBits");
        for (int i = 0; i < 64; i++) {
            bits.add(0);
        }
        mail.put("isCKMail", false);
        mail.put("isMppSupportedInCurrentCountry", true);
        ds.put("languageCode", "en-us");
        ds.put("appleId", email);
        ds.put("analyticsOptInStatus", false);
        ds.put("firstName", id.firstName());
        ds.put("iCloudAppleIdAlias", "");
        ds.put("notesMigrated", true);
        ds.putObject("beneficiaryInfo").put("isBeneficiary", false);
        ds.put("hasPaymentInfo", true);
        ds.put("pcsDeleted", false);
        ds.put("appleIdAlias", "");
        ds.put("brMigrated", true);
        ds.put("statusCode", 2);
        ds.put("familyEligible", true);
        return ds;
    }

    private static ObjectNode webservices(PublicHosts hosts, Request request) {
        ObjectNode services = Json.object();
        for (String[] entry : WEBSERVICES) {
            ObjectNode service = services.putObject(entry[0]);
            String url = hosts.serviceUrl(request, entry[0]);
            String traits = entry[1];
            if (traits.contains("pcs")) {
                service.put("pcsRequired", true);
            }
            if (traits.contains("upload")) {
                service.put("uploadUrl", hosts.serviceUrl(request, "upload"));
            }
            if (traits.contains("env")) {
                service.putObject("iCloudEnv").put("shortId", "p").put("vipSuffix", "prod");
            }
            service.put("url", url);
            if (!traits.contains("nostatus")) {
                service.put("status", "active");
            }
        }
        services.putObject("schoolwork");
        return services;
    }

    private static ObjectNode configBag(PublicHosts hosts, Request request) {
        String setup = hosts.setupRoot(request) + SetupModule.SETUP;
        String auth = hosts.authRoot(request);
        ObjectNode bag = Json.object();
        ObjectNode urls = bag.putObject("urls");
        urls.put("accountCreateUI", "https://appleid.apple.com/widget/account/?widgetKey=#!create");
        urls.put("accountLoginUI", auth + "/appleauth/auth/signin?widgetKey=");
        urls.put("accountLogin", setup + "/accountLogin");
        urls.put("accountRepairUI", "https://appleid.apple.com/widget/account/?widgetKey=#!repair");
        urls.put("downloadICloudTerms", setup + "/downloadLiteTerms");
        urls.put("repairDone", setup + "/repairDone");
        urls.put("accountAuthorizeUI", auth + "/appleauth/auth/authorize/signin?client_id=");
        urls.put("vettingUrlForEmail", "https://id.apple.com/IDMSEmailVetting/vetShareEmail");
        urls.put("accountCreate", setup + "/createLiteAccount");
        urls.put("getICloudTerms", setup + "/getTerms");
        urls.put("vettingUrlForPhone", "https://id.apple.com/IDMSEmailVetting/vetSharePhone");
        bag.put("accountCreateEnabled", true);
        return bag;
    }

    private static ObjectNode apps() {
        ObjectNode apps = Json.object();
        apps.putObject("calendar");
        apps.putObject("reminders");
        apps.putObject("keynote").put("isQualifiedForBeta", true);
        apps.putObject("settings").put("canLaunchWithOneFactor", true);
        apps.putObject("mail");
        apps.putObject("numbers").put("isQualifiedForBeta", true);
        apps.putObject("photos");
        apps.putObject("pages").put("isQualifiedForBeta", true);
        apps.putObject("notes3");
        apps.putObject("find").put("canLaunchWithOneFactor", true);
        apps.putObject("iclouddrive");
        apps.putObject("newspublisher").put("isHidden", true);
        apps.putObject("contacts");
        return apps;
    }
}
