/**
 * Apple's content host at {@code /B/}: signed, expiring download URLs ({@link
 * io.github.camelicloud.simulator.content.DownloadUrls}) and the streaming, Range-aware GET that serves them.
 */
package io.github.camelicloud.simulator.content;
