package io.github.camelicloud.app.credentials;

import io.github.camelicloud.client.auth.MfaCodeProvider;
import io.github.camelicloud.client.auth.TrustedPhone;
import io.github.camelicloud.client.auth.TwoStepDevice;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MFA code provider whose codes come from somewhere the sign-in waits on (the web page, a Telegram chat): each
 * question Apple asks is one {@link #await} for its answer. What they share is here: only a 6-digit code counts
 * ({@link #isCode}); a wait ends with the answer, at the provider's deadline, or when the thread is interrupted (the
 * run is stopping: the interrupt is kept); no answer, or a channel that fails, is no code, and the sign-in fails as
 * without a console (a watch asks again at its next pass). Legacy two-step sends the code to the first device: no
 * channel has a device chooser.
 */
public abstract class AwaitedMfaCodes implements MfaCodeProvider {

    private static final Logger LOG = LoggerFactory.getLogger(AwaitedMfaCodes.class);

    /** What Apple asks for. */
    public enum Question {
        /** A code shown on a trusted device, or a phone to text one to. */
        TWO_FACTOR,
        /** The code Apple texted to {@link Prompt#smsPhone}. */
        SMS_CODE,
        /** A legacy two-step code. */
        TWO_STEP
    }

    /**
     * One question: for whom ({@code username}, empty when Apple's step does not say), the phones a code may be
     * texted to, the phone a code was texted to, and whether the code before was refused.
     */
    public record Prompt(Question question, Optional<String> username, List<TrustedPhone> phones,
            Optional<TrustedPhone> smsPhone, boolean previousCodeWrong) {
    }

    /** Whether {@code text} is a verification code: 6 digits. */
    public static boolean isCode(String text) {
        return text != null && text.matches("\\d{6}");
    }

    /**
     * Waits for the answer to {@code prompt}; empty when none came by the deadline. An {@link InterruptedException}
     * ends the wait (the run is stopping); any other exception is a channel that failed.
     */
    protected abstract Optional<Hsa2Answer> await(Prompt prompt) throws Exception;

    @Override
    public final Optional<Hsa2Answer> twoFactor(String username, List<TrustedPhone> phones, boolean previousCodeWrong) {
        return ask(new Prompt(Question.TWO_FACTOR, Optional.ofNullable(username), List.copyOf(phones), Optional.empty(),
                previousCodeWrong));
    }

    @Override
    public final Optional<String> smsCode(TrustedPhone phone, boolean previousCodeWrong) {
        return code(ask(new Prompt(Question.SMS_CODE, Optional.empty(), List.of(), Optional.of(phone),
                previousCodeWrong)));
    }

    @Override
    public final Optional<TwoStepDevice> chooseTwoStepDevice(String username, List<TwoStepDevice> devices) {
        return devices.stream().findFirst();
    }

    @Override
    public final Optional<String> twoStepCode(TwoStepDevice device, boolean previousCodeWrong) {
        return code(ask(new Prompt(Question.TWO_STEP, Optional.empty(), List.of(), Optional.empty(),
                previousCodeWrong)));
    }

    private Optional<Hsa2Answer> ask(Prompt prompt) {
        try {
            return await(prompt).filter(a -> !(a instanceof DeviceCode code) || isCode(code.code()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            LOG.warn("Could not ask for the verification code: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<String> code(Optional<Hsa2Answer> answer) {
        return answer.filter(DeviceCode.class::isInstance).map(a -> ((DeviceCode) a).code());
    }
}
