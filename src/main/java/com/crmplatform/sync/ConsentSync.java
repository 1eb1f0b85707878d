package com.crmplatform.sync;

import com.crmplatform.customer.Consent;
import com.crmplatform.customer.MongoConsentRepository;
import com.crmplatform.customer.SqliteConsentRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Consent between a replica and MongoDB. An opt-out never conflicts: of two records for an
 * address the later one holds on both sides. Pushed: the changes made here, until MongoDB has them
 * (a push repeated after a failure writes the same record again, which changes nothing). Pulled:
 * the whole central list (opt-outs are few), read again when its count or newest record moved,
 * and at least every {@value #FULL_READ_SECONDS} seconds, so a record written late with an older
 * time is never missed for longer than that.
 */
final class ConsentSync {

    static final long FULL_READ_SECONDS = 30;

    private final SqliteConsentRepository local;
    private final MongoConsentRepository central;
    private String lastFingerprint = "";
    private long lastFullRead;

    ConsentSync(SqliteConsentRepository local, MongoConsentRepository central) {
        this.local = local;
        this.central = central;
    }

    /** @return how many changes were written centrally */
    int push() {
        List<Consent> pending = local.pending(1_000);
        if (pending.isEmpty()) {
            return 0;
        }
        central.record(pending);
        local.pushed(pending);
        return pending.size();
    }

    /** @return how many central records were newer than this replica's */
    int pull() {
        String fingerprint = central.fingerprint();
        long now = System.nanoTime();
        if (fingerprint.equals(lastFingerprint) && now - lastFullRead < FULL_READ_SECONDS * 1_000_000_000L) {
            return 0;
        }
        List<Consent> all = central.all();
        Map<String, Consent> mine = local.find(all.stream().map(Consent::email).toList());
        List<Consent> newer = new ArrayList<>();
        for (Consent theirs : all) {
            Consent here = mine.get(theirs.email());
            if (here == null || theirs.at().isAfter(here.at())) {
                newer.add(theirs);
            }
        }
        local.takeCentral(newer);
        lastFingerprint = fingerprint;
        lastFullRead = now;
        return newer.size();
    }
}
