package io.github.camelicloud.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Chromium (Debian's, driven through its chromedriver) for the MFA web page tests. */
public final class Chromium {

    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Why a web page test is skipped where the browser is missing. */
    public static final String MISSING = "Chromium and chromedriver are not installed (apt-get install chromium"
            + " chromium-driver; .ci/run installs them when it runs as root): web page test skipped";

    private Chromium() {
    }

    public static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** A fresh browser with its profile in {@code work}; quit it when done. */
    public static WebDriver start(Path work) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createDirectories(work.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Types into the field and submits its form; returns once the browser has left the form's page. */
    public static void submit(WebDriver browser, String fieldId, String buttonId, String text)
            throws InterruptedException {
        WebElement field = browser.findElement(By.id(fieldId));
        field.sendKeys(text);
        browser.findElement(By.id(buttonId)).click();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            try {
                field.isEnabled();
            } catch (StaleElementReferenceException e) {
                return; // the POST went through and the browser followed the redirect
            }
            assertThat(Instant.now()).as("the form was never submitted").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    /**
     * Reloads the page until it shows what the step waits for (the server and the sign-in run in parallel);
     * a page not served yet counts as not shown.
     */
    public static void await(WebDriver browser, String page, Predicate<WebDriver> shown) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            try {
                browser.get(page);
                if (shown.test(browser)) {
                    return;
                }
            } catch (WebDriverException notServedYet) {
                // Chromium reports a refused connection as an error rather than an error page
                assertThat(Instant.now()).as("the page was never served: " + notServedYet.getMessage())
                        .isBefore(deadline);
                Thread.sleep(300);
                continue;
            }
            assertThat(Instant.now()).as("the page never showed what was expected: " + browser.getPageSource())
                    .isBefore(deadline);
            Thread.sleep(300);
        }
    }
}
