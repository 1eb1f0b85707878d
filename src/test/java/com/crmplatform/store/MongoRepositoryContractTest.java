package com.crmplatform.store;

class MongoRepositoryContractTest extends RepositoryContractTest {

    @Override
    protected StoreFixture createFixture() {
        return StoreFixture.mongo();
    }
}
