package com.wallet.apiaccess.oauth;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The whole flow (sign in, create a client, get a token, use it, delete, refused) against the
 * packaged artifact: the jar under `make test`, the native executable in the native workflow.
 */
@QuarkusIntegrationTest
class PackagedTokenFlowIT extends TokenFlowSmokeTest {}
