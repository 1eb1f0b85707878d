package com.crmplatform.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteRepositoryContractTest extends RepositoryContractTest {

    @TempDir
    Path dir;

    @Override
    protected StoreFixture createFixture() {
        return StoreFixture.sqlite(dir);
    }
}
