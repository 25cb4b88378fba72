package io.github.camelicloud.app;

import io.github.camelicloud.app.log.TerminalText;
import io.github.camelicloud.client.auth.MfaCodeProvider;
import io.github.camelicloud.client.auth.TrustedPhone;
import io.github.camelicloud.client.auth.TwoStepDevice;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Asks for verification codes on the console with icloudpd's prompts, so scripts and habits carry over.
 * Phones are picked by letter ({@code a}, {@code b}…) so an index is never mistaken for a code with
 * leading zeros. When input is not a terminal, what was read is echoed, which keeps logs readable.
 */
final class ConsoleMfaCodeProvider implements MfaCodeProvider {

    private final BufferedReader in;
    private final PrintStream out;
    private final boolean echo;

    ConsoleMfaCodeProvider(BufferedReader in, PrintStream out, boolean echo) {
        this.in = in;
        this.out = out;
        this.echo = echo;
    }

    @Override
    public Optional<Hsa2Answer> twoFactor(String username, List<TrustedPhone> phones, boolean previousCodeWrong) {
        if (previousCodeWrong) {
            out.println("The code was not accepted, please try again.");
        }
        for (int i = 0; i < phones.size() && i < 26; i++) {
            out.println("  " + (char) ('a' + i) + ": " + TerminalText.clean(phones.get(i).obfuscatedNumber()));
        }
        String letters = phones.isEmpty() ? "" : phones.size() == 1 ? "a" : "a-" + (char) ('a' + Math.min(25, phones.size() - 1));
        String prompt = phones.isEmpty() ? "Please enter two-factor authentication code: "
                : "Please enter two-factor authentication code or device index (" + letters
                        + ") to send SMS with a code: ";
        while (true) {
            Optional<String> line = ask(prompt);
            if (line.isEmpty()) {
                return Optional.empty();
            }
            String answer = line.get();
            if (answer.matches("\\d{6}")) {
                return Optional.of(new DeviceCode(answer));
            }
            if (answer.length() == 1 && Character.isLetter(answer.charAt(0))) {
                int index = Character.toLowerCase(answer.charAt(0)) - 'a';
                if (index >= 0 && index < phones.size()) {
                    return Optional.of(new SendSms(phones.get(index)));
                }
            }
            out.println("Invalid input: enter the 6-digit code" + (phones.isEmpty() ? "" : " or a letter " + letters)
                    + ".");
        }
    }

    @Override
    public Optional<String> smsCode(TrustedPhone phone, boolean previousCodeWrong) {
        return askCode("Please enter the two-factor authentication code sent by SMS to " + phone.obfuscatedNumber()
                + ": ", previousCodeWrong);
    }

    @Override
    public Optional<TwoStepDevice> chooseTwoStepDevice(String username, List<TwoStepDevice> devices) {
        if (devices.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < devices.size(); i++) {
            out.println("  " + i + ": " + TerminalText.clean(devices.get(i).displayName()));
        }
        while (true) {
            Optional<String> line = ask("Please choose an option: [0]: ");
            if (line.isEmpty()) {
                return Optional.empty();
            }
            String answer = line.get().isEmpty() ? "0" : line.get();
            try {
                int index = Integer.parseInt(answer);
                if (index >= 0 && index < devices.size()) {
                    return Optional.of(devices.get(index));
                }
            } catch (NumberFormatException e) {
                // fall through to the hint
            }
            out.println("Invalid input: enter a number from 0 to " + (devices.size() - 1) + ".");
        }
    }

    @Override
    public Optional<String> twoStepCode(TwoStepDevice device, boolean previousCodeWrong) {
        return askCode("Please enter two-step authentication code: ", previousCodeWrong);
    }

    private Optional<String> askCode(String prompt, boolean previousCodeWrong) {
        if (previousCodeWrong) {
            out.println("The code was not accepted, please try again.");
        }
        return ask(prompt);
    }

    /** Empty at end of input. */
    private Optional<String> ask(String prompt) {
        out.print(prompt);
        out.flush();
        try {
            String line = in.readLine();
            if (line == null) {
                out.println();
                return Optional.empty();
            }
            if (echo) {
                out.println(line.trim()); // a terminal has echoed it already
            }
            return Optional.of(line.trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
