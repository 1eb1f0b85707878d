package com.crmplatform.importexport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Ids for order rows that have none, derived from what the row says: the n-th row of a file with
 * the same customer, amount, date, items and status always gets the same id. Re-running an import
 * (after a crash, or by mistake) therefore finds its orders already there; two identical rows in
 * one file stay two orders. The id is 12 bytes of a SHA-256, written as an ObjectId's 24 hex digits.
 */
final class RowIdentity {

    private final Map<String, Integer> seen = new HashMap<>();
    private final MessageDigest sha;

    RowIdentity() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    String idFor(String... parts) {
        String content = String.join("\u001f", parts);
        byte[] digest = sha.digest(content.getBytes(StandardCharsets.UTF_8));
        String key = HexFormat.of().formatHex(digest, 0, 16);
        int occurrence = seen.merge(key, 1, Integer::sum);
        byte[] id = sha.digest((content + "\u001e" + occurrence).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(id, 0, 12);
    }
}
