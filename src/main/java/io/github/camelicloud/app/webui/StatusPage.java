package io.github.camelicloud.app.webui;

import io.github.camelicloud.client.auth.TrustedPhone;
import io.github.camelicloud.component.PassResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The web page, rendered on the server: where the run is and the one thing to do next, the form that step needs,
 * and a card per route (account to destination) with its last and next pass, the MFA trust's end and "Sync now".
 * No script and no external asset (it works offline, and the Content-Security-Policy allows nothing else); pages
 * without a text field refresh themselves. Every value from outside is escaped.
 */
final class StatusPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    private static final String STYLE = """
            :root{color-scheme:light dark;--bg:#f4f5f7;--card:#fff;--ink:#1d2330;--dim:#5d6675;--line:#dde1e7;\
            --accent:#0b63ce;--ok:#127c3a;--bad:#b42318;--wait:#b25e09}
            @media (prefers-color-scheme:dark){:root{--bg:#14171c;--card:#1e232b;--ink:#e8ebf0;--dim:#9aa3b2;\
            --line:#2e3540;--accent:#5aa2ff;--ok:#4cc37a;--bad:#ff6b5e;--wait:#f0a04b}}
            *{box-sizing:border-box}
            body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",\
            Roboto,sans-serif}
            header{display:flex;align-items:center;justify-content:space-between;gap:1em;padding:.8em 1.2em;\
            background:var(--card);border-bottom:1px solid var(--line)}
            header b{font-size:1.1em}
            main{max-width:46em;margin:0 auto;padding:1em}
            .card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:1em 1.2em;\
            margin:0 0 1em}
            h1{font-size:1.35em;margin:.1em 0 .3em}h2{font-size:1.05em;margin:1.4em 0 .6em;color:var(--dim)}
            .step{border-left:6px solid var(--accent)}.step.ok{border-left-color:var(--ok)}\
            .step.bad{border-left-color:var(--bad)}.step.wait{border-left-color:var(--wait)}
            .next{font-size:1.05em;margin:.2em 0 .8em}.dim{color:var(--dim)}
            .badge{display:inline-block;padding:.1em .6em;border-radius:999px;font-size:.85em;font-weight:600;\
            color:#fff;background:var(--dim)}.badge.ok{background:var(--ok)}.badge.bad{background:var(--bad)}\
            .badge.wait{background:var(--wait)}
            form{margin:.8em 0 0}label{display:block;margin:0 0 .4em}
            input[type=password],input[name=code]{display:block;width:100%;max-width:22em;font-size:1.2em;\
            padding:.5em .6em;margin:.3em 0 .6em;border:1px solid var(--line);border-radius:8px;background:var(--bg);\
            color:var(--ink)}
            input[name=code]{letter-spacing:.3em;font-variant-numeric:tabular-nums}
            button{font-size:1em;padding:.55em 1.2em;border:0;border-radius:8px;background:var(--accent);color:#fff;\
            cursor:pointer;min-height:44px}
            button.plain{background:transparent;color:var(--accent);border:1px solid var(--line)}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:.25em 1em;margin:.6em 0}dt{color:var(--dim)}\
            dd{margin:0}
            .route h3{margin:0;font-size:1em;word-break:break-all}
            .notice{padding:.5em .8em;border-radius:8px;background:var(--bg)}
            @media (max-width:30em){main{padding:.6em}.card{padding:.9em}dl{grid-template-columns:1fr}\
            dt{margin-top:.4em}button{width:100%}}
            """;

    private StatusPage() {
    }

    /**
     * The page of a signed-in browser (or of everyone, when the page has no login): a card per account (several
     * {@code --username}), each with its own forms, which name the card's index ({@code account}); the first card's
     * element ids carry no suffix, the others' end in {@code -N}.
     */
    static String render(List<WebUiState.Snapshot> accounts, List<RouteStatus.View> routes, boolean login,
            Clock clock) {
        StringBuilder main = new StringBuilder();
        boolean textField = false;
        for (int i = 0; i < accounts.size(); i++) {
            textField |= accountCard(main, accounts.get(i), i, routes, clock);
        }
        if (!routes.isEmpty()) {
            main.append("<h2>Destinations</h2>\n<div id=\"status\">\n");
            routes.forEach(r -> main.append(routeCard(r, clock)));
            main.append("</div>\n");
        }
        boolean waitingForRun = accounts.stream().map(WebUiState.Snapshot::phase).anyMatch(p ->
                p == WebUiState.Phase.STARTING || p == WebUiState.Phase.SIGNING_IN || p == WebUiState.Phase.SIGNED_IN
                        || p == WebUiState.Phase.SYNCING);
        String refresh = textField ? "" : "<meta http-equiv=\"refresh\" content=\"" + (waitingForRun ? 2 : 10) + "\">\n";
        String header = "<header><b>camel-icloud</b>" + (login ? "<form method=\"post\" action=\"/logout\">"
                + "<button class=\"plain\" id=\"sign-out\">Sign out</button></form>" : "") + "</header>\n";
        // the title names what is waiting for the user, else the first account's phase
        String title = accounts.stream().filter(a -> tone(a).equals("wait")).findFirst()
                .or(() -> accounts.stream().findFirst()).map(a -> a.phase().label())
                .orElse(WebUiState.Phase.STARTING.label());
        return document(title, refresh, header + "<main>\n" + main + "</main>\n");
    }

    /** One account's card: where its sign-in or sync is and the form it waits for; true when that has a text field. */
    private static boolean accountCard(StringBuilder main, WebUiState.Snapshot s, int index,
            List<RouteStatus.View> routes, Clock clock) {
        String id = suffix(index);
        // watch mode between passes: the run is not syncing, it waits for the next pass (shown per route below)
        boolean between = s.phase() == WebUiState.Phase.SYNCING && !routes.isEmpty()
                && routes.stream().noneMatch(RouteStatus.View::running);
        String label = between ? "Up to date" : s.phase().label();
        main.append("<section class=\"card step ").append(tone(s)).append("\">\n<p class=\"dim\">Account <b id=\"account")
                .append(id).append("\">").append(escape(s.username())).append("</b></p>\n<h1 id=\"state").append(id)
                .append("\">").append(escape(label)).append("</h1>\n<p class=\"next\" id=\"next-step").append(id)
                .append("\">").append(escape(nextStep(s, routes))).append("</p>\n");
        if (!s.notice().isEmpty()) {
            main.append("<p class=\"notice\" id=\"notice").append(id).append("\" role=\"status\">")
                    .append(escape(s.notice())).append("</p>\n");
        }
        boolean textField = true;
        switch (s.phase()) {
            case WAITING_FOR_PASSWORD -> main.append(passwordForm(index));
            case WAITING_FOR_CODE -> main.append(codeForm(index, "Verification code")).append(smsForm(index, s.phones()));
            case WAITING_FOR_SMS_CODE -> main.append(codeForm(index, "Code sent by SMS to "
                    + s.smsPhone().map(TrustedPhone::obfuscatedNumber).orElse("your phone")));
            case SYNCING -> {
                textField = false;
                if (!between) {
                    main.append("<p id=\"progress").append(id).append("\">").append(s.assetsDone())
                            .append(s.assetsTotal() >= 0 ? " of " + s.assetsTotal() : "").append(" assets handled</p>\n");
                }
            }
            default -> textField = false;
        }
        s.trustExpiresAt().ifPresent(t -> main.append("<p class=\"dim\" id=\"trust").append(id)
                .append("\">Trust expires on ").append(escape(when(t))).append(" (").append(escape(relative(t, clock)))
                .append(")</p>\n"));
        main.append("</section>\n");
        return textField;
    }

    /** The login page of a page with a login; {@code notice} says why it is shown again. */
    static String login(String notice) {
        String body = "<header><b>camel-icloud</b></header>\n<main>\n<section class=\"card step\">\n"
                + "<h1 id=\"state\">Sign in to this page</h1>\n<p class=\"next\" id=\"next-step\">Type the web page's"
                + " password (set with --webui-password-file or WEBUI_PASSWORD; not your Apple ID password).</p>\n"
                + (notice.isEmpty() ? "" : "<p class=\"notice\" id=\"notice\" role=\"alert\">" + escape(notice)
                        + "</p>\n")
                + "<form method=\"post\" action=\"/login\">\n<label for=\"login-password\">Password</label>\n"
                + "<input type=\"password\" name=\"password\" id=\"login-password\" autocomplete=\"current-password\""
                + " required autofocus>\n<button type=\"submit\" id=\"sign-in\">Sign in</button>\n</form>\n"
                + "</section>\n</main>\n";
        return document("sign in", "", body);
    }

    private static String document(String title, String head, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" + head
                + "<title>camel-icloud: " + escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head><body>\n"
                + body + "</body></html>\n";
    }

    private static String tone(WebUiState.Snapshot s) {
        return switch (s.phase()) {
            case WAITING_FOR_PASSWORD, WAITING_FOR_CODE, WAITING_FOR_SMS_CODE -> "wait";
            case FAILED -> "bad";
            case DONE, SIGNED_IN, SYNCING -> "ok";
            default -> "";
        };
    }

    private static String nextStep(WebUiState.Snapshot s, List<RouteStatus.View> routes) {
        return switch (s.phase()) {
            case STARTING, SIGNING_IN -> "Signing in to iCloud. Nothing to do yet: this page refreshes itself.";
            case WAITING_FOR_PASSWORD -> "Type the iCloud password of this account to sign in.";
            case WAITING_FOR_CODE -> "Type the 6-digit code shown on your iPhone, iPad or Mac, or have one sent by SMS.";
            case WAITING_FOR_SMS_CODE -> "Type the 6-digit code sent by SMS.";
            case SIGNED_IN, SYNCING -> routes.stream().anyMatch(r -> r.lastFailure().isPresent()
                    || r.lastResult().map(x -> !x.complete()).orElse(false))
                    ? "A pass failed: see the destinations below and the log; the next pass tries again."
                    : "All is well: nothing to do.";
            case DONE -> "The run is complete: nothing to do.";
            case FAILED -> "The run failed: the log says why.";
        };
    }

    private static String routeCard(RouteStatus.View r, Clock clock) {
        StringBuilder card = new StringBuilder("<section class=\"card route\" id=\"route-").append(r.id())
                .append("\">\n<h3>").append(escape(r.account())).append(" &rarr; <span class=\"destination\">")
                .append(escape(r.destination())).append("</span></h3>\n<dl>\n<dt>Last pass</dt><dd id=\"last-")
                .append(r.id()).append("\">");
        if (r.lastPassAt().isEmpty()) {
            card.append(r.running() ? "<span class=\"badge wait\">running</span> the first pass" : "none yet");
        } else {
            card.append(r.lastPassOk() ? "<span class=\"badge ok\">OK</span> " : "<span class=\"badge bad\">Failed</span> ")
                    .append(escape(when(r.lastPassAt().get()))).append(" (").append(escape(relative(r.lastPassAt().get(),
                            clock))).append(")");
            r.lastResult().ifPresent(p -> card.append("<br><span class=\"counts\">").append(counts(p)).append("</span>"));
            r.lastFailure().ifPresent(f -> card.append("<br><span class=\"failure\">").append(escape(f))
                    .append("</span>"));
        }
        card.append("</dd>\n<dt>Next pass</dt><dd id=\"next-").append(r.id()).append("\">")
                .append(r.running() ? "running now" : r.nextPass().map(t -> escape(when(t)) + " (" + escape(relative(t,
                        clock)) + ")").orElse("none scheduled")).append("</dd>\n");
        card.append("<dt>MFA trust</dt><dd>").append(r.trustExpiresAt().map(t -> "expires " + escape(when(t)) + " ("
                + escape(relative(t, clock)) + ")").orElse("no expiry known")).append("</dd>\n</dl>\n");
        if (r.nextPass().isPresent() || r.running()) {
            card.append("<form method=\"post\" action=\"/sync\"><input type=\"hidden\" name=\"route\" value=\"")
                    .append(r.id()).append("\"><button type=\"submit\" id=\"sync-").append(r.id())
                    .append("\">Sync now</button></form>\n");
        }
        return card.append("</section>\n").toString();
    }

    private static String counts(PassResult p) {
        return p.delivered() + " delivered, " + p.alreadyThere() + " already there, " + p.skipped() + " skipped, "
                + p.failed() + " failed";
    }

    private static String when(Instant t) {
        return WHEN.withZone(ZoneId.systemDefault()).format(t);
    }

    /** "in 3 days", "5 min ago": a person reads this before the date. */
    private static String relative(Instant t, Clock clock) {
        Duration d = Duration.between(Instant.now(clock), t);
        boolean future = !d.isNegative();
        long s = Math.abs(d.toSeconds());
        String amount = s < 60 ? s + " s" : s < 3600 ? s / 60 + " min" : s < 172_800 ? s / 3600 + " h"
                : Math.round(s / 86_400.0) + " days";
        return future ? "in " + amount : amount + " ago";
    }

    /** The form's first line: which account's card it belongs to. */
    private static String accountField(int index) {
        return "<input type=\"hidden\" name=\"account\" value=\"" + index + "\">\n";
    }

    private static String suffix(int index) {
        return index == 0 ? "" : "-" + index;
    }

    private static String passwordForm(int index) {
        String id = suffix(index);
        return "<form method=\"post\" action=\"/password\">\n" + accountField(index) + "<label for=\"password" + id
                + "\">iCloud password</label>\n<input type=\"password\" name=\"password\" id=\"password" + id
                + "\" autocomplete=\"current-password\" required" + (index == 0 ? " autofocus" : "")
                + ">\n<button type=\"submit\" id=\"submit-password" + id + "\">Sign in to iCloud</button>\n</form>\n";
    }

    private static String codeForm(int index, String prompt) {
        String id = suffix(index);
        return "<form method=\"post\" action=\"/code\">\n" + accountField(index) + "<label for=\"code" + id + "\">"
                + escape(prompt) + "</label>\n<input name=\"code\" id=\"code" + id + "\" inputmode=\"numeric\""
                + " pattern=\"[0-9]{6}\" maxlength=\"6\" autocomplete=\"one-time-code\" required"
                + (index == 0 ? " autofocus" : "") + ">\n<button type=\"submit\" id=\"submit-code" + id
                + "\">Verify</button>\n</form>\n";
    }

    private static String smsForm(int index, List<TrustedPhone> phones) {
        if (phones.isEmpty()) {
            return "";
        }
        StringBuilder form = new StringBuilder("<form method=\"post\" action=\"/sms\">\n").append(accountField(index))
                .append("<p class=\"dim\">No device at hand? Get a code by SMS:</p>\n");
        for (int i = 0; i < phones.size(); i++) {
            form.append("<label><input type=\"radio\" name=\"phone\" value=\"").append(i).append('"')
                    .append(i == 0 ? " checked" : "").append("> ").append(escape(phones.get(i).obfuscatedNumber()))
                    .append("</label>\n");
        }
        return form.append("<button type=\"submit\" class=\"plain\" id=\"send-sms").append(suffix(index))
                .append("\">Send SMS</button>\n</form>\n").toString();
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
