package com.wallet.apiaccess.oauth;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** A real OAuth client library and JOSE verification against the packaged artifact (JSON and JOSE reflection in native). */
@QuarkusIntegrationTest
class PackagedOAuthEndpointsIT extends ThirdPartyClientTest {}
