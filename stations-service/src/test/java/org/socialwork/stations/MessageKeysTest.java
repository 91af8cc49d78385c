package org.socialwork.stations;

import org.socialwork.infra.testing.MessageKeysTests;

class MessageKeysTest extends MessageKeysTests {
}
