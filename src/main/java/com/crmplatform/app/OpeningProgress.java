package com.crmplatform.app;

import com.crmplatform.sync.SyncEngine;

/**
 * What opening a store tells while it takes a while: how far the first sync of an empty team
 * replica is, and that a file written by an earlier version is being upgraded (once, all or
 * nothing; about a second per 100,000 customers and orders when customers and orders are rebuilt).
 */
@FunctionalInterface
public interface OpeningProgress extends SyncEngine.Progress {

    /** Called (from the opening thread) before a file written by an earlier version is upgraded. */
    default void upgrading() {
    }
}
