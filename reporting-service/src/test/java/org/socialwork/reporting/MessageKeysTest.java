package org.socialwork.reporting;

import org.socialwork.infra.testing.MessageKeysTests;

class MessageKeysTest extends MessageKeysTests {
}
