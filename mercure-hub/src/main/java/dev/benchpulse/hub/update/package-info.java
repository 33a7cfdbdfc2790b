/** Updates as published and as sent: their server-sent-events encoding and the bounded history kept for replay. */
package dev.benchpulse.hub.update;
