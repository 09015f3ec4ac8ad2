"""xAPI 1.0.3 roll-up to the province: statements made from finished progress
(`statements`), the outbox they wait in (`outbox`), the HTTP client for the LRS
(`transport`), the background sender (`forwarder`) and the staff status line (`status`)."""
