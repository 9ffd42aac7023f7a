package dev.customergraph.graphiql;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.customergraph.GatewayTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A newcomer's first minute, in a real headless Chromium: open GraphiQL, press run, see
 * data. Uses Debian's {@code chromium} and {@code chromium-driver} (installed by
 * {@code .ci/run}); nothing is downloaded.
 */
@GatewayTest
class GraphiqlBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final By RUN_BUTTON = By.cssSelector(".graphiql-execute-button");

	private static final By RESULT_PANE = By.cssSelector(".graphiql-response .result-window");

	@LocalServerPort
	int port;

	@Test
	void exampleQueryRunsWithTheDemoKeyFromTheUi(@TempDir Path profile) {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		// A developer without the browser skips this test; CI, whose .ci/run installs it,
		// never does.
		assertThat(installed || System.getenv("CI") == null)
			.as("CI runs the browser test: .ci/run installs chromium and chromium-driver")
			.isTrue();
		assumeTrue(installed, "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
		WebDriver browser = new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
					.usingAnyFreePort()
					.build(),
				new ChromeOptions().setBinary(CHROMIUM.toFile())
					.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
							"--disable-background-networking", "--disable-component-update", "--disable-sync",
							"--window-size=1280,1024", "--user-data-dir=" + profile));
		try {
			browser.get("http://localhost:" + this.port + "/graphiql");
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
			wait.until(ExpectedConditions.elementToBeClickable(RUN_BUTTON)).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(RESULT_PANE, "\"totalCount\""));
			assertThat(browser.findElement(RESULT_PANE).getText()).contains("\"tenant\": \"demo\"")
				.contains("\"customers\"")
				.doesNotContain("\"errors\"");
		}
		finally {
			browser.quit();
		}
	}

}
