package org.socialwork.projects;

import org.socialwork.infra.testing.MessageKeysTests;

class MessageKeysTest extends MessageKeysTests {
}
