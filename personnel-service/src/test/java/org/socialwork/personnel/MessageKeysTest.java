package org.socialwork.personnel;

import org.socialwork.infra.testing.MessageKeysTests;

class MessageKeysTest extends MessageKeysTests {
}
