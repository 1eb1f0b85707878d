package com.crmplatform.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The keys search and sorting use: one key for a name however its accents were typed. */
class SearchKeysTest {

    @Test
    void aNameHasOneKeyWhetherItsAccentsArePrecomposedOrCombining() {
        String composed = "Jos\u00e9 Ram\u00edrez";
        String combining = "Jose\u0301 Rami\u0301rez"; // as some keyboards and macOS file names give it
        assertEquals("jos\u00e9 ram\u00edrez", SearchKeys.nameKey(composed));
        assertEquals(SearchKeys.nameKey(composed), SearchKeys.nameKey(combining));
        assertEquals("ram\u00edrez", SearchKeys.surnameOf(SearchKeys.nameKey(combining)));
    }

    @Test
    void namesInOtherScriptsAndPlainNamesKeepTheirLetters() {
        assertEquals("asha rao-desai", SearchKeys.nameKey("  Asha Rao-Desai "));
        assertEquals("rao-desai", SearchKeys.surnameOf(SearchKeys.nameKey("Asha Rao-Desai")));
        assertEquals("\u0905\u0936\u093e \u0930\u093e\u0935", SearchKeys.nameKey("\u0905\u0936\u093e \u0930\u093e\u0935"));
        assertEquals("\u00e6r\u00f8 \u00e5se", SearchKeys.nameKey("\u00c6R\u00d8 \u00c5se"));
        // A letter below U+0300 followed by a combining mark composes; Hangul jamo compose too.
        assertEquals("\u00c5".toLowerCase(), SearchKeys.nameKey("A\u030a"));
        assertEquals("\ud55c", SearchKeys.nameKey("\u1112\u1161\u11ab"));
        assertEquals("madonna", SearchKeys.surnameOf(SearchKeys.nameKey("Madonna")));
    }
}
