package io.github.camelicloud.app.webui;

import io.github.camelicloud.client.auth.TrustedPhone;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The one page of the web UI, rendered on the server: account, phase, trust expiry, progress, and the form
 * the phase needs. No script; pages without a form refresh themselves. Every value from outside is escaped.
 */
final class StatusPage {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    private StatusPage() {
    }

    static String render(WebUiState.Snapshot s, Clock clock) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>camel-icloud</h1>\n<p>Account: <b id=\"account\">").append(escape(s.username()))
                .append("</b></p>\n<p>State: <b id=\"state\">").append(escape(s.phase().label())).append("</b></p>\n");
        s.trustExpiresAt().ifPresent(t -> body.append("<p id=\"trust\">Trust expires on ")
                .append(escape(DATE.withZone(ZoneId.systemDefault()).format(t))).append(" (in ")
                .append(Math.max(0, Math.round(Duration.between(Instant.now(clock), t).toHours() / 24.0)))
                .append(" days)</p>\n"));
        if (!s.notice().isEmpty()) {
            body.append("<p id=\"notice\">").append(escape(s.notice())).append("</p>\n");
        }
        boolean form = true;
        switch (s.phase()) {
            case WAITING_FOR_PASSWORD -> body.append(passwordForm());
            case WAITING_FOR_CODE -> body.append(codeForm("Enter the code shown on your Apple device"))
                    .append(smsForm(s.phones()));
            case WAITING_FOR_SMS_CODE -> body.append(codeForm("Enter the code sent by SMS to "
                    + s.smsPhone().map(TrustedPhone::obfuscatedNumber).orElse("your phone")));
            case SYNCING -> {
                form = false;
                body.append("<p id=\"progress\">").append(s.assetsDone()).append(s.assetsTotal() >= 0
                        ? " of " + s.assetsTotal() : "").append(" assets handled</p>\n");
            }
            default -> form = false;
        }
        boolean finished = s.phase() == WebUiState.Phase.DONE || s.phase() == WebUiState.Phase.FAILED;
        String refresh = form || finished ? "" : "<meta http-equiv=\"refresh\" content=\"2\">\n";
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n" + refresh
                + "<title>camel-icloud: " + escape(s.phase().label()) + "</title>\n"
                + "<style>body{font-family:sans-serif;max-width:40em;margin:2em auto}input,button{font-size:1.1em}"
                + "form{margin:1em 0}</style>\n</head><body>\n" + body + "</body></html>\n";
    }

    private static String passwordForm() {
        return "<form method=\"post\" action=\"/password\">\n<label>iCloud password "
                + "<input type=\"password\" name=\"password\" id=\"password\" autocomplete=\"current-password\""
                + " required autofocus></label>\n<button type=\"submit\" id=\"submit-password\">Sign in</button>\n"
                + "</form>\n";
    }

    private static String codeForm(String prompt) {
        return "<form method=\"post\" action=\"/code\">\n<label>" + escape(prompt) + " <input name=\"code\" id=\"code\""
                + " inputmode=\"numeric\" pattern=\"[0-9]{6}\" maxlength=\"6\" autocomplete=\"one-time-code\""
                + " required autofocus></label>\n<button type=\"submit\" id=\"submit-code\">Verify</button>\n</form>\n";
    }

    private static String smsForm(List<TrustedPhone> phones) {
        if (phones.isEmpty()) {
            return "";
        }
        StringBuilder form = new StringBuilder("<form method=\"post\" action=\"/sms\">\n<p>Or get a code by SMS:</p>\n");
        for (int i = 0; i < phones.size(); i++) {
            form.append("<label><input type=\"radio\" name=\"phone\" value=\"").append(i).append('"')
                    .append(i == 0 ? " checked" : "").append("> ").append(escape(phones.get(i).obfuscatedNumber()))
                    .append("</label><br>\n");
        }
        return form.append("<button type=\"submit\" id=\"send-sms\">Send SMS</button>\n</form>\n").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
