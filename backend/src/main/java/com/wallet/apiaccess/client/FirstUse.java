package com.wallet.apiaccess.client;

/**
 * What becomes of a claim on a one-time id ({@link UsedAssertions#claim}): whether this was its first use,
 * or why that is not known (the database failed). Told on the claimer's Vert.x context.
 */
public interface FirstUse {

    void answered(boolean first);

    void failed(Throwable failure);
}
